namespace Typed.Benchmarks.Tests;

/// <summary>
/// The load benchmark's quick mode, as a smoke run: every scenario on every server completes
/// with the messages it expects. No timing is asserted; the figures come from full runs.
/// </summary>
[Collection(LoadRuns.Name)]
public sealed class LoadBenchmarkSmokeTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Every_scenario_of_the_quick_run_completes_with_its_expected_message_counts()
    {
        var lines = await LoadRuns.RunAsync(output, TimeSpan.FromMinutes(5), "--quick");
        Assert.Contains("every scenario completed", lines);
        foreach (var server in new[] { "Typed", "SignalR", "Bare" })
        {
            Assert.Contains(lines, line => line.StartsWith(server + ": http://127.0.0.1:", StringComparison.Ordinal));
        }

        // The fixed-size scenarios, on the two full servers and the bare echo.
        foreach (var server in new[] { "Typed", "SignalR", "Bare" })
        {
            Assert.Contains($"  memory on {server}: 100 of 100 in 0.2 s", lines);
            Assert.Contains(lines, line => line.StartsWith($"  echo on {server}: ", StringComparison.Ordinal));
            Assert.Contains(lines, line => line.StartsWith($"  echo on the pool on {server}: ", StringComparison.Ordinal));
        }

        foreach (var server in new[] { "Typed", "SignalR" })
        {
            Assert.Contains(lines, line => line.StartsWith($"  broadcast on {server}: 500 of 500 ", StringComparison.Ordinal));
            foreach (var scenario in new[] { "typed echo", "long polling", "server-events" })
            {
                Assert.Contains(lines, line => line.StartsWith($"  {scenario} on {server}: ", StringComparison.Ordinal));
            }
        }

        // Rooms of 30: every member has each message sent to its room, with one room on the server,
        // the same room among ten, and the ten in turn; and the table of the first two's costs.
        foreach (var server in new[] { "Typed", "SignalR" })
        {
            foreach (var scenario in new[] { "one of 30 among 30", "one of 30 among 300", "10 of 30 in turn" })
            {
                Assert.Contains(lines, line => line.StartsWith($"  rooms: {scenario} on {server}: 900 of 900 ", StringComparison.Ordinal));
            }

            Assert.Contains(lines, line => line.StartsWith($"  rooms: one of 30 among 300: {server}'s clients ready, 300 members, ", StringComparison.Ordinal));
            Assert.Contains(lines, line => line.StartsWith($"| {server} | ", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(lines, line => line.StartsWith("  rooms: one of 30 among 30 on Bare", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith("  typed echo on Bare", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_quick_scale_out_run_broadcasts_to_every_connection_on_one_node_and_on_three_joined_by_redis()
    {
        var lines = await LoadRuns.RunAsync(output, TimeSpan.FromMinutes(5), "--scale-out", "--quick");
        Assert.Contains("every scenario completed", lines);
        foreach (var layout in new[] { "1 node", "1 node, Redis", "3 nodes, Redis" })
        {
            Assert.Contains(lines, line => line.StartsWith($"  broadcast on {layout}: 500 of 500 ", StringComparison.Ordinal));
            Assert.Contains(lines, line => line.StartsWith($"| {layout} | ", StringComparison.Ordinal));
        }
    }
}
