namespace Typed.Benchmarks.Tests;

/// <summary>
/// The load benchmark's quick mode, as a smoke run: every scenario on every server completes
/// with the messages it expects. No timing is asserted; the figures come from full runs.
/// </summary>
public sealed class LoadBenchmarkSmokeTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Every_scenario_of_the_quick_run_completes_with_its_expected_message_counts()
    {
        await using var run = SampleProcess.Run("dotnet", SampleProcess.BuiltAssembly("Tests", "Typed.LoadBenchmark"), "--quick");
        var lines = await run.ReadToEndAsync(TimeSpan.FromMinutes(5));
        output.WriteLine(string.Join("\n", lines));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("every scenario completed", lines);
        foreach (var server in new[] { "Typed", "SignalR", "Bare" })
        {
            Assert.Contains(lines, line => line.StartsWith(server + ": http://127.0.0.1:", StringComparison.Ordinal));
        }

        // The fixed-size scenarios, on the two full servers and the bare echo.
        Assert.Equal(3, lines.Count(line => line == "  memory: 100 of 100 in 0.2 s"));
        Assert.Equal(2, lines.Count(line => line.StartsWith("  broadcast: 500 of 500 ", StringComparison.Ordinal)));
        foreach (var scenario in new[] { "echo", "typed echo", "long polling", "server-events" })
        {
            var expected = scenario == "echo" ? 3 : 2;
            Assert.Equal(expected, lines.Count(line => line.StartsWith($"  {scenario}: ", StringComparison.Ordinal)));
        }
    }
}
