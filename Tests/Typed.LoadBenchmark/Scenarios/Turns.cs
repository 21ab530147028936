using System.Diagnostics;
using Typed.LoadBenchmark.Servers;

namespace Typed.LoadBenchmark.Scenarios;

/// <summary>
/// The servers taking turns: a number of rounds, each server once per round, the order rotating
/// from round to round, so that a slow spell of a shared machine falls on all of them rather than
/// on whichever happened to be running. What each server's turns took in all.
/// </summary>
internal static class Turns
{
    /// <param name="servers">The servers, in the order of the first round.</param>
    /// <param name="rounds">How many rounds.</param>
    /// <param name="warmUp">Unmeasured work for every server, one after the other, before the first round, given the server's index.
    /// All of them warm up before any is measured, so that the load process's own shared code (its sockets, its
    /// thread pool) is as warm for the first server's first turn as for the last's.</param>
    /// <param name="prepare">Unmeasured work just before each turn, given the server's index.</param>
    /// <param name="turn">The measured turn, given the server's index and the round.</param>
    /// <param name="operations">The operations a server has done so far, read between turns for each turn's own figures.</param>
    public static Task<TurnTotals[]> TakeAsync(IReadOnlyList<RunningServer> servers, int rounds, Func<int, Task> warmUp, Func<int, Task>? prepare, Func<int, int, Task> turn, Func<int, long> operations) =>
        TakeAsync(servers.Count, s => servers[s].Process.CpuTime, rounds, warmUp, prepare, turn, operations);

    /// <param name="count">How many take turns.</param>
    /// <param name="serverCpu">The CPU the server side of one of them has used so far (a layout of several nodes: all of theirs).</param>
    /// <param name="clientCpu">The CPU its clients have used so far, when they are not this process's.</param>
    public static async Task<TurnTotals[]> TakeAsync(int count, Func<int, TimeSpan> serverCpu, int rounds, Func<int, Task> warmUp, Func<int, Task>? prepare, Func<int, int, Task> turn, Func<int, long> operations, Func<int, TimeSpan>? clientCpu = null)
    {
        clientCpu ??= _ => Measurement.LoadProcessCpu;
        for (var s = 0; s < count; s++)
        {
            await warmUp(s);
        }

        var totals = Enumerable.Range(0, count).Select(_ => new TurnTotals()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var step = 0; step < count; step++)
            {
                var s = (round + step) % count;
                if (prepare is not null)
                {
                    await prepare(s);
                }

                var cpuBefore = serverCpu(s);
                var clientCpuBefore = clientCpu(s);
                var operationsBefore = operations(s);
                var clock = Stopwatch.StartNew();
                await turn(s, round);
                totals[s].Turns.Add(new TurnFigures(
                    operations(s) - operationsBefore,
                    clock.Elapsed,
                    serverCpu(s) - cpuBefore,
                    clientCpu(s) - clientCpuBefore));
            }
        }

        return totals;
    }
}

/// <summary>One server's turns, and what they add up to.</summary>
internal sealed class TurnTotals
{
    /// <summary>Each turn's own figures, in the order of the rounds.</summary>
    public List<TurnFigures> Turns { get; } = [];

    public TimeSpan Elapsed => Sum(t => t.Elapsed);

    public TimeSpan ServerCpu => Sum(t => t.ServerCpu);

    public TimeSpan ClientCpu => Sum(t => t.ClientCpu);

    private TimeSpan Sum(Func<TurnFigures, TimeSpan> part) => Turns.Aggregate(TimeSpan.Zero, (sum, turn) => sum + part(turn));
}

/// <summary>One turn of one server: its operations, how long it took, the server's and the clients' CPU in it.</summary>
public sealed record TurnFigures(long Operations, TimeSpan Elapsed, TimeSpan ServerCpu, TimeSpan ClientCpu)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;

    public double CpuMicrosecondsPerOperation => Measurement.MicrosecondsPer(ServerCpu, Operations);
}
