using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Typed.Generators;

namespace Typed.Analyzers.Tests;

/// <summary>All the analyzers together, and the generator beside them.</summary>
public sealed class GalleryTests
{
    /// <summary>One contract per mistake the generator refuses to emit code for.</summary>
    private const string Refused = """
        using System;
        using System.IO;
        using System.Threading;
        using Typed.Events;

        namespace Refused;

        [Events] public interface IGeneric<T> { void Event(T value); }
        [Events] public interface IWithProperty { int Count { get; } }
        [Events] public interface IWithEvent { event EventHandler Changed; }
        [Events] public interface IWithRef { void Event(ref int value); }
        [Events] public interface IWithParams { void Event(params int[] values); }
        [Events] public interface IWithStream { void Event(Stream value); }
        [Events] public interface IWithObject { void Event(object value); }
        [Events] public interface IWithCustom { void Event(Version value); }
        [Events] public interface IWithBadReturn { int Event(); }
        [Events] public interface IWithGenericMethod { void Event<T>(T value); }
        [Events] public interface IWithEarlyToken { void Event(CancellationToken token, int value); }
        public class Outer { [Events] public interface INested { void Event(); } }
        """;

    [Fact]
    public Task No_analyzer_reports_anything_on_the_gallery() =>
        VerifyAll.DiagnosticsAsync([Gallery.Contracts, Gallery.Uses]);

    [Fact]
    public void Every_analyzer_diagnostic_has_a_help_link_to_its_section()
    {
        var descriptors = VerifyAll.Analyzers.SelectMany(a => a.SupportedDiagnostics).ToList();

        Assert.Equal(16, descriptors.Select(d => d.Id).Distinct().Count());
        Assert.All(descriptors, d => Assert.Equal(
            "https://github.com/typed-dotnet/typed/blob/main/docs/diagnostics.md#" + d.Id.ToLowerInvariant(), d.HelpLinkUri));
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"));
        Assert.All(descriptors, d => Assert.Contains("## " + d.Id, docs, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_generator_stays_quiet_where_the_analyzers_report_and_emits_nothing()
    {
        var compilation = CSharpCompilation.Create(
            "Refused",
            [CSharpSyntaxTree.ParseText(Refused, new CSharpParseOptions(LanguageVersion.Latest))],
            References.Runtime,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create(new EventsGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out _, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(driver.GetRunResult().Results.Single().GeneratedSources);
        Assert.Empty(driver.GetRunResult().Diagnostics);

        var reported = await compilation.WithAnalyzers(VerifyAll.Analyzers).GetAnalyzerDiagnosticsAsync();
        var contracts = compilation.GetSymbolsWithName(name => name.StartsWith('I'), SymbolFilter.Type).OfType<INamedTypeSymbol>().ToList();
        Assert.Equal(12, contracts.Count);
        Assert.All(contracts, contract => Assert.Contains(
            reported,
            d => d.Location.SourceSpan.IntersectsWith(contract.DeclaringSyntaxReferences[0].Span)));
        Assert.All(reported, d => Assert.StartsWith("TYPED", d.Id, StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Typed.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Typed.sln not found above " + AppContext.BaseDirectory);
    }
}
