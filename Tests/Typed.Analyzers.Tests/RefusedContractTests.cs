using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Typed.Analyzers.Contracts;
using Typed.Generators;

namespace Typed.Analyzers.Tests;

/// <summary>
/// For every mistake a contract analyzer reports, the generator emits nothing for that contract,
/// so the build shows the analyzer's diagnostic and no error from generated code.
/// </summary>
public sealed class RefusedContractTests
{
    /// <summary>Beside every refused contract: one the generator must still emit code for.</summary>
    private const string Fine = """
        namespace Accepted
        {
            [Typed.Events.Events]
            public interface IFine { void Hello(string text); }
        }
        """;

    private const string Usings = """
        using System;
        using System.IO;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using Typed.Events;

        """;

    public static TheoryData<string, string, string> Mistakes => new()
    {
        { "TYPED001", "a value return", "[Events] public interface IChat { int Count(string room); }" },
        { "TYPED002", "ref", "[Events] public interface IChat { void Say(ref string text); }" },
        { "TYPED002", "params", "[Events] public interface IChat { void Say(params string[] lines); }" },
        { "TYPED002", "a ref token", "[Events] public interface IChat { void Say(string text, ref CancellationToken token); }" },
        { "TYPED002", "an in token", "[Events] public interface IChat { Task<int> Count(in CancellationToken token); }" },
        { "TYPED003", "a generic event", "[Events] public interface IChat { void Put<T>(T value); }" },
        { "TYPED004", "a generic contract", "[Events] public interface IChat<T> { void Put(T value); }" },
        { "TYPED005", "a property", "[Events] public interface IChat { int Members { get; } }" },
        { "TYPED005", "a C# event", "[Events] public interface IChat { event EventHandler Changed; }" },
        { "TYPED006", "nested", "public class Outer { [Events] public interface IChat { void Say(string text); } }" },
        { "TYPED006", "file-local", "[Events] file interface IChat { void Say(string text); }" },
        { "TYPED007", "overloads", "[Events] public interface IChat { void Ping(); void Ping(int times); }" },
        { "TYPED007", "one [EventName] twice", """[Events] public interface IChat { [EventName("Ping")] void Ping1(); [EventName("Ping")] void Ping2(); }""" },
        { "TYPED007", "a rename onto a method", """[Events] public interface IChat { void Ping(); [EventName("Ping")] void Pong(); }""" },
        { "TYPED007", "two bases", "public interface IA { void Ping(); } public interface IB { void Ping(); } [Events] public interface IChat : IA, IB { }" },
        { "TYPED008", "empty", """[Events] public interface IChat { [EventName("")] void Say(string text); }""" },
        { "TYPED008", "blank", """[Events] public interface IChat { [EventName("  ")] void Say(string text); }""" },
        { "TYPED009", "a browser event", """[Events] public interface IChat { [EventName("message")] void Said(string text); }""" },
        { "TYPED009", "a method name", "[Events] public interface IChat { void disconnect(); }" },
        { "TYPED009", "a prototype member", """[Events] public interface IChat { [EventName("__proto__")] void Said(string text); }""" },
        { "TYPED010", "a stream", "[Events] public interface IChat { void Upload(Stream content); }" },
        { "TYPED010", "a record without a context", "public sealed record Room(string Name); [Events] public interface IChat { void Join(Room room); }" },
        {
            "TYPED010", "a record its context lacks",
            """
            public sealed record Room(string Name);
            public sealed record Person(string Name);
            [JsonSerializable(typeof(Person))] internal abstract partial class ChatJson() : JsonSerializerContext(null);
            [Events(JsonContext = typeof(ChatJson))] public interface IChat { void Join(Room room); }
            """
        },
        {
            "TYPED011", "no serializer context",
            "public sealed record Room(string Name); [Events(JsonContext = typeof(string))] public interface IChat { void Join(Room room); }"
        },
        {
            "TYPED012", "an early token",
            """
            public sealed record Room(string Name);
            [JsonSerializable(typeof(Room))] internal abstract partial class ChatJson() : JsonSerializerContext(null);
            [Events(JsonContext = typeof(ChatJson))] public interface IChat { void Join(CancellationToken token, Room room); }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_refused_contract_gets_no_code_and_only_the_analyzers_diagnostic(string id, string mistake, string source)
    {
        var compilation = Compile(Usings + "namespace Refused\n{\n" + source + "\n}\n", Fine);

        var reported = await compilation.WithAnalyzers(VerifyAll.Analyzers).GetAnalyzerDiagnosticsAsync();
        Assert.True(reported.Any(d => d.Id == id), $"{mistake}: {id} is not reported, only: {string.Join("; ", reported)}");

        var driver = CSharpGeneratorDriver.Create(new EventsGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        var generated = driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Equal(["Accepted.IFine.Events.g.cs"], generated);

        // The only errors are the analyzers': no CS0152 (or any other) from generated code.
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{mistake}: " + string.Join("\n", errors));
    }

    [Fact]
    public void Every_contract_diagnostic_has_a_mistake_above()
    {
        var contractIds = VerifyAll.Analyzers.OfType<ContractAnalyzer>()
            .SelectMany(a => a.SupportedDiagnostics)
            .Select(d => d.Id)
            .Distinct()
            .Order(StringComparer.Ordinal);
        var tested = Mistakes.Select(row => (string)row[0]).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(contractIds, tested);
    }

    [Fact]
    public async Task A_warning_refuses_nothing()
    {
        // TYPED016 (a double where Typed.MessagePack is referenced) is a warning: the contract still works.
        var compilation = Compile(Usings + "namespace Warned\n{\n[Events] public interface IChat { void Move(double x); }\n}\n", Fine, References.WithMessagePack);
        var reported = await compilation.WithAnalyzers(VerifyAll.Analyzers).GetAnalyzerDiagnosticsAsync();
        Assert.Contains(reported, d => d.Id == "TYPED016");

        var driver = CSharpGeneratorDriver.Create(new EventsGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);

        Assert.Equal(2, driver.GetRunResult().Results.Single().GeneratedSources.Length);
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    private static CSharpCompilation Compile(string source, string fine, IEnumerable<MetadataReference>? references = null) => CSharpCompilation.Create(
        "Contracts",
        [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)), CSharpSyntaxTree.ParseText(fine, new CSharpParseOptions(LanguageVersion.Latest))],
        references ?? References.Runtime,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}
