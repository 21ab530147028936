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
        // Every contestant: our server under our Socket and under the plain 2010 client, SignalR, and
        // the bare echo under each of the two WebSocket clients.
        var contestants = new[] { "Typed", "TypedPlain", "SignalR", "Bare", "BareTypedEnd" };
        foreach (var server in contestants)
        {
            Assert.Contains(lines, line => line.StartsWith(server + ": http://127.0.0.1:", StringComparison.Ordinal));
            Assert.Contains($"  memory on {server}: 100 of 100 in 0.2 s", lines);
            Assert.Contains(lines, line => line.StartsWith($"  echo on {server}: ", StringComparison.Ordinal));
            Assert.Contains(lines, line => line.StartsWith($"  echo on the pool on {server}: ", StringComparison.Ordinal));
            Assert.Contains(lines, line => line.StartsWith($"  echo, 30 connections on {server}: ", StringComparison.Ordinal));
        }

        // The broadcast to each size reaches every receiver with every message, the plain 2010 client's too.
        foreach (var server in new[] { "Typed", "TypedPlain", "SignalR" })
        {
            Assert.Contains(lines, line => line.StartsWith($"  broadcast on {server}: 500 of 500 ", StringComparison.Ordinal));
            Assert.Contains(lines, line => line.StartsWith($"  broadcast, 100 receivers on {server}: 500 of 500 ", StringComparison.Ordinal));
        }

        // The scaling table, with the default sizes under their own names (the quick run's echo is of 10).
        Assert.Contains(lines, line => line.StartsWith("| echo, 10 connections | ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("| broadcast to 100 | ", StringComparison.Ordinal));

        foreach (var server in new[] { "Typed", "SignalR" })
        {
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
        Assert.DoesNotContain(lines, line => line.StartsWith("  typed echo on TypedPlain", StringComparison.Ordinal));
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
