namespace Typed.Benchmarks.Tests;

/// <summary>
/// The stress run's quick mode: on our server, every session opened, held while heartbeats flowed
/// both ways, and still answering at the end; then on SignalR's, every connection the same; and
/// the two side by side. No timing or resource figure is asserted; those come from full runs.
/// </summary>
[Collection(LoadRuns.Name)]
public sealed class StressRunSmokeTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Every_session_of_the_quick_stress_run_stays_connected_on_ours_with_heartbeats_answered_and_on_SignalR()
    {
        var lines = await LoadRuns.RunAsync(output, TimeSpan.FromMinutes(4), "--stress", "--quick");

        var ours = Section(lines, "stress on Typed: ");
        Assert.NotEmpty(ours);
        Assert.StartsWith("stress on Typed: 500 websocket + 100 xhr-polling sessions held 10 s;", ours[0], StringComparison.Ordinal);
        Assert.Contains(ours, line => line.StartsWith("  connect: 600 of 600 in ", StringComparison.Ordinal));
        foreach (var transport in new[] { "websocket", "xhr-polling" })
        {
            Assert.Contains(ours, line => line.StartsWith($"  {transport} heartbeats: ", StringComparison.Ordinal)
                && line.EndsWith("; sessions without a heartbeat 0, without an answer 0", StringComparison.Ordinal));
        }

        var signalR = Section(lines, "stress on SignalR: ");
        Assert.NotEmpty(signalR);
        Assert.StartsWith("stress on SignalR: 500 WebSocket + 100 long-polling connections held 10 s;", signalR[0], StringComparison.Ordinal);
        Assert.Contains(signalR, line => line.StartsWith("  connect: 600 of 600 in ", StringComparison.Ordinal));

        foreach (var server in new[] { ours, signalR })
        {
            Assert.Contains("  held: 600 of 600 still connected, 600 answered an echo; the server holds 600, ended 0", server);
            Assert.Contains("  dropped: 0", server);
            Assert.Contains("every session held", server);
        }

        Assert.Contains(lines, line => line.StartsWith("| Typed | 600 of 600 | ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("| SignalR | 600 of 600 | ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("| Typed / SignalR | | ", StringComparison.Ordinal));
    }

    /// <summary>One server's lines of the report: from its first line to the blank line after it.</summary>
    private static List<string> Section(List<string> lines, string start) =>
        [.. lines.SkipWhile(line => !line.StartsWith(start, StringComparison.Ordinal)).TakeWhile(line => line.Length > 0)];
}
