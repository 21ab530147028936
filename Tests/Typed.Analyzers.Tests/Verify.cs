using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Typed.Analyzers.Tests;

/// <summary>Runs one analyzer (and a code fix) on source with diagnostic markup, as the Roslyn testing library does.</summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>Every <c>{|ID:span|}</c> in <paramref name="source"/> is reported, and nothing else.</summary>
    public static Task DiagnosticsAsync(string source, bool messagePack = false, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { TestCode = source };
        Configure(test, test.TestState, messagePack);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>As <see cref="DiagnosticsAsync"/>, for several source files at once.</summary>
    public static Task DiagnosticsAsync(string[] sources, bool messagePack = false, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest();
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        Configure(test, test.TestState, messagePack);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>The fix <paramref name="index"/> turns <paramref name="source"/> into <paramref name="fixedSource"/>.</summary>
    public static Task FixAsync<TCodeFix>(string source, string fixedSource, int index = 0)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new FixTest<TCodeFix> { TestCode = source, FixedCode = fixedSource, CodeActionIndex = index };
        Configure(test, test.TestState, messagePack: false);
        Configure(test, test.FixedState, messagePack: false);
        return test.RunAsync();
    }

    /// <summary>A fix that changes another file: <paramref name="sources"/> before, <paramref name="fixedSources"/> after.</summary>
    public static Task FixAsync<TCodeFix>(string[] sources, string[] fixedSources)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new FixTest<TCodeFix>();
        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"File{i}.cs", sources[i]));
            test.FixedState.Sources.Add(($"File{i}.cs", fixedSources[i]));
        }

        Configure(test, test.TestState, messagePack: false);
        Configure(test, test.FixedState, messagePack: false);
        return test.RunAsync();
    }

    internal static void Configure<TVerifier>(AnalyzerTest<TVerifier> test, SolutionState state, bool messagePack)
        where TVerifier : IVerifier, new()
    {
        // No reference-assembly package: that would be downloaded. The running platform serves instead.
        state.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        state.AdditionalReferences.AddRange(messagePack ? References.WithMessagePack : References.Runtime);
        test.SolutionTransforms.Clear();
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            return solution
                .WithProjectParseOptions(projectId, new CSharpParseOptions(LanguageVersion.Latest))
                .WithProjectCompilationOptions(projectId, ((CSharpCompilationOptions)project.CompilationOptions!).WithNullableContextOptions(NullableContextOptions.Enable));
        });
    }

    private sealed class AnalyzerTest : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>;

    private sealed class FixTest<TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        where TCodeFix : CodeFixProvider, new();
}

/// <summary>Every analyzer of Typed.Analyzers at once, as a project that references them runs them.</summary>
internal static class VerifyAll
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
    [
        .. typeof(Typed.Analyzers.Contracts.ContractAnalyzer).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!),
    ];

    public static Task DiagnosticsAsync(string[] sources, bool messagePack = false)
    {
        var test = new AllTest();
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        Verify<Typed.Analyzers.Contracts.ReturnTypeAnalyzer>.Configure(test, test.TestState, messagePack);
        return test.RunAsync();
    }

    private sealed class AllTest : CSharpAnalyzerTest<Typed.Analyzers.Contracts.ReturnTypeAnalyzer, DefaultVerifier>
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => Analyzers;
    }
}
