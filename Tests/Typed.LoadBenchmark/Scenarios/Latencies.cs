using System.Diagnostics;

namespace Typed.LoadBenchmark.Scenarios;

/// <summary>Round-trip times of one connection, kept as stopwatch ticks and merged at the end.</summary>
internal sealed class Latencies
{
    private readonly List<long> _ticks = new(1 << 16);

    public int Count => _ticks.Count;

    public void Add(long ticks) => _ticks.Add(ticks);

    public static (double P50Ms, double P99Ms) Percentiles(IEnumerable<Latencies> all)
    {
        var merged = all.SelectMany(l => l._ticks).Order().ToArray();
        if (merged.Length == 0)
        {
            return (double.NaN, double.NaN);
        }

        double Ms(double fraction) => merged[(int)Math.Min(merged.Length - 1, fraction * merged.Length)] * 1000.0 / Stopwatch.Frequency;
        return (Ms(0.50), Ms(0.99));
    }
}
