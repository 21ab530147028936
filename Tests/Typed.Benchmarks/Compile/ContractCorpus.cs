using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Typed.Benchmarks.Compile;

/// <summary>
/// A compilation of many <c>[Events]</c> contracts, each with its own record and serializer
/// context, for measuring what the generator and the analyzers cost a project at build time.
/// </summary>
internal static class ContractCorpus
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>The runtime's own assemblies, as the generator tests take them.</summary>
    private static readonly ImmutableArray<MetadataReference> Platform =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Select(path => MetadataReference.CreateFromFile(path)),
    ];

    /// <summary><paramref name="contracts"/> contracts of ten events each, one file per contract.</summary>
    public static CSharpCompilation Create(int contracts) => Compile(
        Enumerable.Range(0, contracts).Select(Contract),
        [.. Platform, MetadataReference.CreateFromFile(typeof(Typed.Events.EventsAttribute).Assembly.Location)]);

    /// <summary>The same interfaces, records and contexts in a project that does not reference Typed.</summary>
    public static CSharpCompilation CreateWithoutTyped(int interfaces) => Compile(
        Enumerable.Range(0, interfaces).Select(i => Contract(i)
            .Replace("using Typed.Events;", "", StringComparison.Ordinal)
            .Replace($"[Events(JsonContext = typeof(Json{i}))]", "", StringComparison.Ordinal)
            .Replace("[EventName(\"renamed\")] ", "", StringComparison.Ordinal)),
        Platform);

    private static CSharpCompilation Compile(IEnumerable<string> sources, IEnumerable<MetadataReference> references) => CSharpCompilation.Create(
        "Contracts",
        sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Contract{i}.cs")),
        references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>
    /// Strings, numbers, the common value types, collections, a record through the contract's
    /// serializer context, answers by Task&lt;T&gt; and ValueTask&lt;T&gt;, a renamed event and a token.
    /// </summary>
    private static string Contract(int i) => new StringBuilder().Append(CultureInfo.InvariantCulture, $$"""
        using System;
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using Typed.Events;

        namespace Corpus.Area{{i % 20}};

        public sealed record Item{{i}}(int Id, string Name, double Score, List<string> Tags);

        [Events(JsonContext = typeof(Json{{i}}))]
        public interface IContract{{i}}
        {
            Task Say(string text);
            void Ping(int n);
            Task<int> Count(string room);
            Task<Item{{i}}> Get(int id);
            ValueTask Put(Item{{i}} item, CancellationToken cancellationToken);
            Task<string[]> Names();
            void Many(List<Item{{i}}> items, Dictionary<string, int> counts);
            Task<bool?> Maybe(Guid id, DateTimeOffset at);
            ValueTask<long> Sum(int[] values);
            [EventName("renamed")] Task Renamed(double x, TimeSpan t);
        }

        [JsonSerializable(typeof(Item{{i}}))]
        [JsonSerializable(typeof(List<Item{{i}}>))]
        internal sealed partial class Json{{i}} : JsonSerializerContext
        {
            // System.Text.Json's generator does not run here; these stand for what it would add.
            public Json{{i}}() : base(null) { }
            protected override System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;
            public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(Type type) => null;
        }

        """).ToString();
}
