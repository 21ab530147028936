using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Typed.Generators.Tests;

/// <summary>Runs the generator on source text, as a compilation would, and compiles what it produced.</summary>
public static class GeneratorHarness
{
    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Select(path => MetadataReference.CreateFromFile(path)),
        MetadataReference.CreateFromFile(typeof(Typed.Events.EventsAttribute).Assembly.Location),
    ];

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Compile(params string[] sources) => CSharpCompilation.Create(
        "Contracts",
        sources.Select(source => CSharpSyntaxTree.ParseText(source, ParseOptions)),
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver() => CSharpGeneratorDriver.Create(
        [new EventsGenerator().AsSourceGenerator()],
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns its sources by hint name, after checking that they compile cleanly.</summary>
    public static IReadOnlyDictionary<string, string> Generate(params string[] sources)
    {
        var compilation = Compile(sources);
        var driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);

        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems));

        return driver.GetRunResult().Results.Single().GeneratedSources
            .ToDictionary(source => source.HintName, source => source.SourceText.ToString());
    }

    /// <summary>
    /// The members System.Text.Json's own generator would give a <c>partial</c> serializer context,
    /// stubbed: it does not run here, and the contracts only need the type to exist.
    /// </summary>
    public static string SerializerContextBody(string ns, string name) => $$"""
        namespace {{ns}};
        internal sealed partial class {{name}}
        {
            public {{name}}() : base(null) { }
            public static {{name}} Default { get; } = new();
            protected override System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;
            public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(System.Type type) => null;
        }
        """;
}
