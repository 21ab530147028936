using System.Globalization;
using System.Text;

namespace Typed.LoadBenchmark.Scenarios;

/// <summary>
/// How cost grows with work: the echo at several connection counts and the broadcast to several
/// receiver counts, each contestant's rate and server CPU per operation at each size.
/// </summary>
public static class Scaling
{
    public static string Echo(int connections) => $"echo, {connections} connections";

    public static string Broadcast(int receivers) => $"broadcast, {receivers} receivers";

    /// <summary>The table, one row per size (the sizes the run measured; the echo's and broadcast's default sizes under their own names).</summary>
    public static string Table(IReadOnlyList<Measurement> results, LoadSettings settings)
    {
        var rows = settings.EchoSizes.Select(size => (Work: $"echo, {size} connections", Scenario: size == settings.EchoConnections ? "echo" : Echo(size)))
            .Concat(settings.BroadcastSizes.Select(size => (Work: $"broadcast to {size}", Scenario: size == settings.BroadcastConnections ? "broadcast" : Broadcast(size))))
            .Where(row => results.Any(r => r.Scenario == row.Scenario))
            .ToList();
        if (rows.Count == 0)
        {
            return "";
        }

        var contestants = results.Where(r => rows.Any(row => row.Scenario == r.Scenario)).Select(r => r.Server).Distinct().ToList();
        var ratios = Report.Ratios.Where(pair => contestants.Contains(pair.Ours) && contestants.Contains(pair.Theirs)).ToList();
        var text = new StringBuilder();
        text.AppendLine("operations/s · server CPU µs per operation");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"| work | {string.Join(" | ", contestants)} | {string.Join(" | ", ratios.Select(pair => $"{pair.Ours} / {pair.Theirs}: rate · CPU"))} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"|---|{string.Concat(Enumerable.Repeat("---:|", contestants.Count + ratios.Count))}");
        foreach (var (work, scenario) in rows)
        {
            var row = results.Where(r => r.Scenario == scenario).ToDictionary(r => r.Server);
            var cells = contestants.Select(c => row.TryGetValue(c, out var m) ? string.Create(CultureInfo.InvariantCulture, $"{m.PerSecond:N0} · {m.CpuMicrosecondsPerOperation:0.00}") : "");
            var ratioCells = ratios.Select(pair => row.TryGetValue(pair.Ours, out var ours) && row.TryGetValue(pair.Theirs, out var theirs)
                && double.IsFinite(ours.CpuMicrosecondsPerOperation / theirs.CpuMicrosecondsPerOperation)
                ? string.Create(CultureInfo.InvariantCulture, $"{ours.PerSecond / theirs.PerSecond:0.00}× · {ours.CpuMicrosecondsPerOperation / theirs.CpuMicrosecondsPerOperation:0.00}×")
                : "");
            text.AppendLine(CultureInfo.InvariantCulture, $"| {work} | {string.Join(" | ", cells)} | {string.Join(" | ", ratioCells)} |");
        }

        return text.ToString();
    }
}
