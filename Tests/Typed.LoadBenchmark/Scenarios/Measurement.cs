namespace Typed.LoadBenchmark.Scenarios;

/// <summary>
/// One scenario's figures on one server: how many operations in how long, their latencies, the
/// server's CPU, and whether every expected message arrived.
/// </summary>
public sealed record Measurement(string Scenario, string Server, long Operations, long Expected, TimeSpan Elapsed, TimeSpan ServerCpu, double P50Ms = double.NaN, double P99Ms = double.NaN, double BytesPerConnection = double.NaN)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;

    /// <summary>Server CPU time per operation, in microseconds.</summary>
    public double CpuMicrosecondsPerOperation => Operations == 0 ? double.NaN : ServerCpu.TotalMicroseconds / Operations;

    public bool Complete => Operations >= Expected;
}
