using System.Globalization;
using System.Text;
using Typed.LoadBenchmark.Scenarios;

namespace Typed.LoadBenchmark;

/// <summary>
/// The figures as a Markdown table: each server's value, our ratios to SignalR and to the bare
/// echo, and the bare echo's own ratio to SignalR (the ceiling of the stack in the same run, which
/// is what our ratio to SignalR can at most approach).
/// </summary>
public static class Report
{
    public static string Table(IReadOnlyList<Measurement> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | figure | Typed | SignalR | bare WebSocket | Typed / SignalR | Typed / bare | bare / SignalR |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (scenario, row) in ByScenario(results))
        {
            if (scenario == "memory")
            {
                Line(text, row, scenario, "bytes per idle connection", m => m.BytesPerConnection, "N0");
                continue;
            }

            Line(text, row, scenario, Delivers(scenario) ? "deliveries/s" : "round trips/s", m => m.PerSecond, "N0");
            if (Delivers(scenario))
            {
                Line(text, row, scenario, "s until the last client has all", m => m.Elapsed.TotalSeconds, "0.000");
            }
            else
            {
                Line(text, row, scenario, "p50 latency, ms", m => m.P50Ms, "0.000");
                Line(text, row, scenario, "p99 latency, ms", m => m.P99Ms, "0.000");
            }

            Line(text, row, scenario, "server CPU per operation, µs", m => m.CpuMicrosecondsPerOperation, "0.0");
            Line(text, row, scenario, "client CPU per operation, µs", m => m.ClientCpuMicrosecondsPerOperation, "0.0");
        }

        return text.ToString();
    }

    /// <summary>
    /// The rooms scenario's cost of a send against the sessions on the node: each server's CPU per
    /// delivery of the same sends to the same room, with every room joined over that with the
    /// room's members alone (near 1× when a send costs what its room costs, whatever else the node
    /// holds).
    /// </summary>
    public static string RoomGrowth(IReadOnlyList<Measurement> results)
    {
        var sizes = results.Where(r => r.Scenario.StartsWith(Rooms.Prefix, StringComparison.Ordinal) && r.Scenario.Contains(Rooms.Among, StringComparison.Ordinal)).Select(r => r.Scenario).Distinct().ToArray();
        if (sizes.Length != 2)
        {
            return "";
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| server | server CPU per delivery, µs: {sizes[0][Rooms.Prefix.Length..]} | {sizes[1][Rooms.Prefix.Length..]} | growth |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var small in results.Where(r => r.Scenario == sizes[0]))
        {
            if (results.FirstOrDefault(r => r.Scenario == sizes[1] && r.Server == small.Server) is { } large)
            {
                var (before, after) = (small.CpuMicrosecondsPerOperation, large.CpuMicrosecondsPerOperation);
                var growth = double.IsFinite(after / before) ? (after / before).ToString("0.00", CultureInfo.InvariantCulture) + "×" : ""; // a turn too short for the CPU clock's ticks
                text.AppendLine(CultureInfo.InvariantCulture, $"| {small.Server} | {before:0.00} | {after:0.00} | {growth} |");
            }
        }

        return text.ToString();
    }

    /// <summary>Whether the scenario's operations are deliveries of messages sent to many, rather than round trips.</summary>
    private static bool Delivers(string scenario) => scenario == "broadcast" || scenario.StartsWith(Rooms.Prefix, StringComparison.Ordinal);

    private static void Line(StringBuilder text, Dictionary<string, Measurement> row, string scenario, string figure, Func<Measurement, double> value, string format)
    {
        string Cell(string server) => row.TryGetValue(server, out var m) ? value(m).ToString(format, CultureInfo.InvariantCulture) : "";
        string Ratio(string server, string other) => row.TryGetValue(server, out var ours) && row.TryGetValue(other, out var theirs) && value(theirs) != 0
            ? (value(ours) / value(theirs)).ToString("0.00", CultureInfo.InvariantCulture) + "×"
            : "";
        text.AppendLine(CultureInfo.InvariantCulture, $"| {scenario} | {figure} | {Cell("Typed")} | {Cell("SignalR")} | {Cell("Bare")} | {Ratio("Typed", "SignalR")} | {Ratio("Typed", "Bare")} | {Ratio("Bare", "SignalR")} |");
    }

    /// <summary>
    /// How our ratios moved from turn to turn: each round's turns ran one after the other, so a
    /// turn's ratio compares the servers under nearly the same machine, and the spread shows how
    /// far one run's figures can be trusted.
    /// </summary>
    public static string TurnSpread(IReadOnlyList<Measurement> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | turns | rate / SignalR (min · median · max) | server CPU per operation / SignalR | rate / bare |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (scenario, row) in ByScenario(results))
        {
            if (!row.TryGetValue("Typed", out var ours) || ours.Turns.Count == 0)
            {
                continue;
            }

            string Spread(string other, Func<TurnFigures, double> value) =>
                row.TryGetValue(other, out var theirs) && theirs.Turns.Count == ours.Turns.Count
                    ? Summary([.. ours.Turns.Zip(theirs.Turns, (a, b) => value(a) / value(b)).Where(double.IsFinite)])
                    : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"| {scenario} | {ours.Turns.Count} | {Spread("SignalR", t => t.PerSecond)} | {Spread("SignalR", t => t.CpuMicrosecondsPerOperation)} | {Spread("Bare", t => t.PerSecond)} |");
        }

        return text.ToString();
    }

    /// <summary>
    /// This build against the baseline build of <c>--baseline</c>, driven by the same clients in the
    /// same run: the ratio of each figure over the run, and of the rate turn by turn.
    /// </summary>
    public static string BeforeAndAfter(IReadOnlyList<Measurement> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | rate after / before (run · turns min · median · max) | server CPU per operation after / before | p99 after / before |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var (scenario, row) in ByScenario(results))
        {
            if (!row.TryGetValue("Typed", out var after) || !row.TryGetValue("Baseline", out var before))
            {
                continue;
            }

            static string Ratio(double a, double b) => b == 0 || !double.IsFinite(a / b) ? "" : (a / b).ToString("0.00", CultureInfo.InvariantCulture) + "×";
            var turns = after.Turns.Count == before.Turns.Count && after.Turns.Count > 0
                ? " · " + Summary([.. after.Turns.Zip(before.Turns, (a, b) => a.PerSecond / b.PerSecond).Where(double.IsFinite)])
                : "";
            var rate = scenario == "memory" ? Ratio(after.BytesPerConnection, before.BytesPerConnection) + " (bytes per idle connection)" : Ratio(after.PerSecond, before.PerSecond) + turns;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {scenario} | {rate} | {Ratio(after.CpuMicrosecondsPerOperation, before.CpuMicrosecondsPerOperation)} | {Ratio(after.P99Ms, before.P99Ms)} |");
        }

        return text.ToString();
    }

    /// <summary>Each scenario, in the order run, with its measurements by server.</summary>
    private static IEnumerable<(string Scenario, Dictionary<string, Measurement> Row)> ByScenario(IReadOnlyList<Measurement> results) =>
        results.Select(r => r.Scenario).Distinct().Select(scenario => (scenario, results.Where(r => r.Scenario == scenario).ToDictionary(r => r.Server)));

    private static string Summary(double[] ratios)
    {
        if (ratios.Length == 0)
        {
            return ""; // a turn too short for the CPU clock's ticks
        }

        Array.Sort(ratios);
        var median = ratios.Length % 2 == 1 ? ratios[ratios.Length / 2] : (ratios[(ratios.Length / 2) - 1] + ratios[ratios.Length / 2]) / 2;
        return string.Join(" · ", new[] { ratios[0], median, ratios[^1] }.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture) + "×"));
    }
}
