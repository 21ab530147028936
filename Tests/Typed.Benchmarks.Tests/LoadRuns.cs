namespace Typed.Benchmarks.Tests;

/// <summary>
/// The tests that run the load benchmark, one at a time (each loads the machine's cores, which the
/// others would share), and how they run it: as a process, as its users do.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LoadRuns
{
    public const string Name = "load runs";

    /// <summary>Runs the load benchmark with <paramref name="arguments"/> to its end and checks it exited 0; its output, also written to the test's.</summary>
    public static async Task<List<string>> RunAsync(Xunit.Abstractions.ITestOutputHelper output, TimeSpan limit, params string[] arguments)
    {
        await using var run = SampleProcess.Run("dotnet", [SampleProcess.BuiltAssembly("Tests", "Typed.LoadBenchmark"), .. arguments]);
        var lines = await run.ReadToEndAsync(limit);
        output.WriteLine(string.Join("\n", lines));
        Assert.Equal(0, run.ExitCode);
        return lines;
    }
}
