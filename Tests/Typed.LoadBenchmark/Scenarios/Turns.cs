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
    /// <param name="prepare">Unmeasured work before a turn (a warm-up), given the server's index and the round.</param>
    /// <param name="turn">The measured turn, given the server's index and the round.</param>
    /// <param name="operations">The operations a server has done so far, read between turns for each turn's own figures.</param>
    public static async Task<TurnTotals[]> TakeAsync(IReadOnlyList<RunningServer> servers, int rounds, Func<int, int, Task>? prepare, Func<int, int, Task> turn, Func<int, long> operations)
    {
        var totals = servers.Select(_ => new TurnTotals()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var step = 0; step < servers.Count; step++)
            {
                var s = (round + step) % servers.Count;
                if (prepare is not null)
                {
                    await prepare(s, round);
                }

                var cpuBefore = servers[s].Process.CpuTime;
                var clientCpuBefore = Measurement.LoadProcessCpu;
                var operationsBefore = operations(s);
                var clock = Stopwatch.StartNew();
                await turn(s, round);
                var figures = new TurnFigures(operations(s) - operationsBefore, clock.Elapsed, servers[s].Process.CpuTime - cpuBefore);
                totals[s].Elapsed += figures.Elapsed;
                totals[s].ServerCpu += figures.ServerCpu;
                totals[s].ClientCpu += Measurement.LoadProcessCpu - clientCpuBefore;
                totals[s].Turns.Add(figures);
            }
        }

        return totals;
    }
}

/// <summary>One server's turns, added up.</summary>
internal sealed class TurnTotals
{
    public TimeSpan Elapsed { get; set; }

    public TimeSpan ServerCpu { get; set; }

    public TimeSpan ClientCpu { get; set; }

    /// <summary>Each turn's own figures, in the order of the rounds.</summary>
    public List<TurnFigures> Turns { get; } = [];
}

/// <summary>One turn of one server: its operations, how long it took, the server's CPU in it.</summary>
public sealed record TurnFigures(long Operations, TimeSpan Elapsed, TimeSpan ServerCpu)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;

    public double CpuMicrosecondsPerOperation => Operations == 0 ? double.NaN : ServerCpu.TotalMicroseconds / Operations;
}
