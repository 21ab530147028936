using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
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
/// analyzer over the same compilation and over one of the same types without Typed; beside them, the
/// analyzer driver's own cost (an analyzer that does nothing on every type). A short job of its own:
/// one run takes up to two seconds.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortConfig))]
public class CompileTimeBenchmarks
{
    public const int Contracts = 500;

    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _withoutTyped = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = Checked(ContractCorpus.Create(Contracts));
        _withoutTyped = Checked(ContractCorpus.CreateWithoutTyped(Contracts));

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
    public Task<int> Analyzers() => Analyze(_compilation, _analyzers);

    [Benchmark(Description = "all analyzers, 500 interfaces, no Typed")]
    public Task<int> AnalyzersWithoutTyped() => Analyze(_withoutTyped, _analyzers);

    [Benchmark(Description = "an analyzer doing nothing, 500 contracts")]
    public Task<int> DriverAlone() => Analyze(_compilation, [new DoNothingAnalyzer()]);

    private static async Task<int> Analyze(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        return diagnostics.IsEmpty ? 0 : throw new InvalidOperationException("The corpus is clean, yet: " + diagnostics[0]);
    }

    private static CSharpCompilation Checked(CSharpCompilation compilation)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return errors.Count == 0 ? compilation : throw new InvalidOperationException("The corpus does not compile:\n" + string.Join("\n", errors.Take(5)));
    }

    /// <summary>On a machine shared with other work the mean moves with the load; the fastest run moves least.</summary>
    private sealed class ShortConfig : ManualConfig
    {
        public ShortConfig()
        {
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10));
            AddColumn(StatisticColumn.Min, StatisticColumn.Median);
        }
    }
}
