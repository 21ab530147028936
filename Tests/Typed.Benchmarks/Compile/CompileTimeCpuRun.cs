using System.Diagnostics;

namespace Typed.Benchmarks.Compile;

/// <summary>
/// The compile-time benchmarks measured in CPU time rather than elapsed time: on a machine shared
/// with other work, elapsed time measures the others too. The cases take turns, round after round,
/// so a busy spell falls on all of them; the table gives each one's median and fastest round.
/// </summary>
internal static class CompileTimeCpuRun
{
    public const string Option = "--compile-time-cpu";

    /// <summary>Unmeasured rounds first, until the runtime has compiled the hot code at its best tier.</summary>
    private const int WarmUpRounds = 5;

    public static async Task RunAsync(int rounds)
    {
        var benchmarks = new CompileTimeBenchmarks();
        benchmarks.Setup();
        (string Name, Func<Task> Run)[] cases =
        [
            ("generator, 500 contracts", () => Task.FromResult(benchmarks.Generator())),
            ("all analyzers, 500 contracts", benchmarks.Analyzers),
            ("all analyzers, 500 interfaces, no Typed", benchmarks.AnalyzersWithoutTyped),
            ("an analyzer doing nothing, 500 contracts", benchmarks.DriverAlone),
        ];

        var samples = cases.Select(_ => new List<double>()).ToArray();
        for (var round = -WarmUpRounds; round < rounds; round++)
        {
            for (var i = 0; i < cases.Length; i++)
            {
                var cpu = await CpuMillisecondsOf(cases[i].Run);
                if (round >= 0)
                {
                    samples[i].Add(cpu);
                }
            }
        }

        Console.WriteLine($"| case | CPU ms, median of {rounds} | CPU ms, fastest |");
        Console.WriteLine("|---|---:|---:|");
        for (var i = 0; i < cases.Length; i++)
        {
            var sorted = samples[i].Order().ToList();
            Console.WriteLine($"| {cases[i].Name} | {sorted[sorted.Count / 2]:F1} | {sorted[0]:F1} |");
        }
    }

    private static async Task<double> CpuMillisecondsOf(Func<Task> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        await run();
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalMilliseconds;
    }
}
