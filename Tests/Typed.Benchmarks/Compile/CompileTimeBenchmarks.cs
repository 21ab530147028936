using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Typed.Analyzers.Contracts;
using Typed.Generators;

namespace Typed.Benchmarks.Compile;

/// <summary>
/// What Typed adds to a build: the generator run over 500 contracts of 10 events each, and every
/// analyzer over the same compilation. A short job of its own: one run takes a good part of a second.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortConfig))]
public class CompileTimeBenchmarks
{
    public const int Contracts = 500;

    private CSharpCompilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = ContractCorpus.Create(Contracts);
        var errors = _compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The corpus does not compile:\n" + string.Join("\n", errors.Take(5)));
        }

        _analyzers =
        [
            .. typeof(ContractAnalyzer).Assembly.GetTypes()
                .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
                .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!),
        ];
    }

    [Benchmark(Description = "generator, 500 contracts")]
    public int Generator()
    {
        var driver = CSharpGeneratorDriver.Create([new EventsGenerator().AsSourceGenerator()], parseOptions: ContractCorpus.ParseOptions);
        var generated = driver.RunGenerators(_compilation).GetRunResult().Results[0].GeneratedSources.Length;
        return generated == Contracts ? generated : throw new InvalidOperationException($"{generated} sources generated, not {Contracts}.");
    }

    [Benchmark(Description = "all analyzers, 500 contracts")]
    public async Task<int> Analyzers()
    {
        var diagnostics = await _compilation.WithAnalyzers(_analyzers).GetAnalyzerDiagnosticsAsync();
        return diagnostics.IsEmpty ? 0 : throw new InvalidOperationException("The corpus is clean, yet: " + diagnostics[0]);
    }

    private sealed class ShortConfig : ManualConfig
    {
        public ShortConfig() => AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10));
    }
}
