namespace Typed.Benchmarks.Tests;

/// <summary>
/// The stress run's quick mode: every session opened, held while heartbeats flowed both ways, and
/// still answering at the end. No timing or resource figure is asserted; those come from full runs.
/// </summary>
[Collection(LoadRuns.Name)]
public sealed class StressRunSmokeTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Every_session_of_the_quick_stress_run_stays_connected_with_heartbeats_answered()
    {
        var lines = await LoadRuns.RunAsync(output, TimeSpan.FromMinutes(3), "--stress", "--quick");
        Assert.Contains(lines, line => line.StartsWith("stress: 500 websocket + 100 xhr-polling sessions held 10 s;", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("  connect: 600 of 600 in ", StringComparison.Ordinal));
        foreach (var transport in new[] { "websocket", "xhr-polling" })
        {
            Assert.Contains(lines, line => line.StartsWith($"  {transport} heartbeats: ", StringComparison.Ordinal)
                && line.EndsWith("; sessions without a heartbeat 0, without an answer 0", StringComparison.Ordinal));
        }

        Assert.Contains("  held: 600 of 600 still connected, 600 answered an echo; the server holds 600, ended 0", lines);
        Assert.Contains("  dropped: 0", lines);
        Assert.Contains("every session held", lines);
    }
}
