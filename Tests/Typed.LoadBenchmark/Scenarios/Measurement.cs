namespace Typed.LoadBenchmark.Scenarios;

/// <summary>
/// One scenario's figures on one server: how many operations in how long, their latencies, the
/// server's CPU, and whether every expected message arrived.
/// </summary>
public sealed record Measurement(string Scenario, string Server, long Operations, long Expected, TimeSpan Elapsed, TimeSpan ServerCpu, TimeSpan ClientCpu, double P50Ms = double.NaN, double P99Ms = double.NaN, double BytesPerConnection = double.NaN)
{
    /// <summary>Each turn's own figures, when the servers took turns.</summary>
    public IReadOnlyList<TurnFigures> Turns { get; init; } = [];

    public double PerSecond => Operations / Elapsed.TotalSeconds;

    /// <summary>Server CPU time per operation, in microseconds.</summary>
    public double CpuMicrosecondsPerOperation => MicrosecondsPer(ServerCpu, Operations);

    /// <summary>The load process's CPU time per operation (the clients' share of the same two cores), in microseconds.</summary>
    public double ClientCpuMicrosecondsPerOperation => MicrosecondsPer(ClientCpu, Operations);

    /// <summary>CPU time per operation in microseconds; not a number when there were none.</summary>
    public static double MicrosecondsPer(TimeSpan cpu, long operations) => operations == 0 ? double.NaN : cpu.TotalMicroseconds / operations;

    /// <summary>CPU used by this process so far: the clients' side of a measurement.</summary>
    public static TimeSpan LoadProcessCpu => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    public bool Complete => Operations >= Expected;

    /// <summary>The progress line of a finished measurement: what arrived of what was expected, and each turn's rate and server CPU.</summary>
    public string Progress(string what)
    {
        var turns = Turns.Count > 1 ? $" (per turn, operations/s [server µs/op]: {string.Join(" ", Turns.Select(t => $"{t.PerSecond:0} [{t.CpuMicrosecondsPerOperation:0.0}]"))})" : "";
        return $"  {what} on {Server}: {Operations} of {Expected} in {Elapsed.TotalSeconds:0.0} s{turns}";
    }
}
