using System.Globalization;
using System.Text;
using Typed.LoadBenchmark.Scenarios;
using Typed.LoadBenchmark.Servers;

namespace Typed.LoadBenchmark;

/// <summary>
/// The figures as Markdown tables: each contestant's value, and the ratios that compare servers:
/// ours to SignalR, ours to the bare echo driven by the same client code, and the bare echo to
/// SignalR (the ceiling of the stack in the same run, which our ratio to SignalR can at most approach).
/// </summary>
public static class Report
{
    /// <summary>The ratios reported, where the run has both sides: ours and the baseline's to SignalR, to the bare echo under the same client, and the bare echo to SignalR.</summary>
    public static IReadOnlyList<(string Ours, string Theirs)> Ratios { get; } =
    [
        .. new[] { Contestant.Typed, Contestant.TypedPlain, Contestant.Baseline, Contestant.BaselinePlain }
            .SelectMany(ours => new[] { (ours.ToString(), nameof(Contestant.SignalR)), (ours.ToString(), ours.SameClientBare()!.Value.ToString()) }),
        (nameof(Contestant.Bare), nameof(Contestant.SignalR)),
    ];

    public static string Table(IReadOnlyList<Measurement> results)
    {
        var contestants = results.Select(r => r.Server).Distinct().ToList();
        var ratios = Ratios.Where(pair => contestants.Contains(pair.Ours) && contestants.Contains(pair.Theirs)).ToList();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| scenario | figure | {string.Join(" | ", contestants)} | {string.Join(" | ", ratios.Select(pair => $"{pair.Ours} / {pair.Theirs}"))} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"|---|---|{string.Concat(Enumerable.Repeat("---:|", contestants.Count + ratios.Count))}");
        foreach (var (scenario, row) in ByScenario(results))
        {
            void Line(string figure, Func<Measurement, double> value, string format)
            {
                string Cell(string contestant) => row.TryGetValue(contestant, out var m) ? value(m).ToString(format, CultureInfo.InvariantCulture) : "";
                string Ratio((string Ours, string Theirs) pair) => row.TryGetValue(pair.Ours, out var ours) && row.TryGetValue(pair.Theirs, out var theirs) && value(theirs) != 0
                    ? (value(ours) / value(theirs)).ToString("0.00", CultureInfo.InvariantCulture) + "×"
                    : "";
                text.AppendLine(CultureInfo.InvariantCulture, $"| {scenario} | {figure} | {string.Join(" | ", contestants.Select(Cell))} | {string.Join(" | ", ratios.Select(Ratio))} |");
            }

            if (scenario == "memory")
            {
                Line("bytes per idle connection", m => m.BytesPerConnection, "N0");
                continue;
            }

            Line(Delivers(scenario) ? "deliveries/s" : "round trips/s", m => m.PerSecond, "N0");
            if (Delivers(scenario))
            {
                Line("s until the last client has all", m => m.Elapsed.TotalSeconds, "0.000");
            }
            else
            {
                Line("p50 latency, ms", m => m.P50Ms, "0.000");
                Line("p99 latency, ms", m => m.P99Ms, "0.000");
            }

            Line("server CPU per operation, µs", m => m.CpuMicrosecondsPerOperation, "0.0");
            Line("client CPU per operation, µs", m => m.ClientCpuMicrosecondsPerOperation, "0.0");
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
    private static bool Delivers(string scenario) => scenario.StartsWith("broadcast", StringComparison.Ordinal) || scenario.StartsWith(Rooms.Prefix, StringComparison.Ordinal);

    /// <summary>
    /// How our ratios moved from turn to turn: each round's turns ran one after the other, so a
    /// turn's ratio compares the servers under nearly the same machine, and the spread shows how
    /// far one run's figures can be trusted.
    /// </summary>
    public static string TurnSpread(IReadOnlyList<Measurement> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | contestant | turns | rate / SignalR (min · median · max) | server CPU per operation / SignalR | rate / bare, same client | server CPU per operation / bare, same client |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var (scenario, row) in ByScenario(results))
        {
            foreach (var contestant in new[] { Contestant.Typed, Contestant.TypedPlain })
            {
                if (!row.TryGetValue(contestant.ToString(), out var ours) || ours.Turns.Count == 0)
                {
                    continue;
                }

                string Spread(string other, Func<TurnFigures, double> value) =>
                    row.TryGetValue(other, out var theirs) && theirs.Turns.Count == ours.Turns.Count
                        ? Summary([.. ours.Turns.Zip(theirs.Turns, (a, b) => value(a) / value(b)).Where(double.IsFinite)])
                        : "";
                var bare = contestant.SameClientBare()!.Value.ToString();
                text.AppendLine(CultureInfo.InvariantCulture, $"| {scenario} | {contestant} | {ours.Turns.Count} | {Spread("SignalR", t => t.PerSecond)} | {Spread("SignalR", t => t.CpuMicrosecondsPerOperation)} | {Spread(bare, t => t.PerSecond)} | {Spread(bare, t => t.CpuMicrosecondsPerOperation)} |");
            }
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
        text.AppendLine("| scenario | client | rate after / before (run · turns min · median · max) | server CPU per operation after / before | p99 after / before |");
        text.AppendLine("|---|---|---:|---:|---:|");
        foreach (var (scenario, row) in ByScenario(results))
        {
            foreach (var (afterName, beforeName) in new[] { (nameof(Contestant.Typed), nameof(Contestant.Baseline)), (nameof(Contestant.TypedPlain), nameof(Contestant.BaselinePlain)) })
            {
                if (!row.TryGetValue(afterName, out var after) || !row.TryGetValue(beforeName, out var before))
                {
                    continue;
                }

                static string Ratio(double a, double b) => b == 0 || !double.IsFinite(a / b) ? "" : (a / b).ToString("0.00", CultureInfo.InvariantCulture) + "×";
                var turns = after.Turns.Count == before.Turns.Count && after.Turns.Count > 0
                    ? " · " + Summary([.. after.Turns.Zip(before.Turns, (a, b) => a.PerSecond / b.PerSecond).Where(double.IsFinite)])
                    : "";
                var rate = scenario == "memory" ? Ratio(after.BytesPerConnection, before.BytesPerConnection) + " (bytes per idle connection)" : Ratio(after.PerSecond, before.PerSecond) + turns;
                text.AppendLine(CultureInfo.InvariantCulture, $"| {scenario} | {(afterName == nameof(Contestant.Typed) ? "Socket" : "plain 2010")} | {rate} | {Ratio(after.CpuMicrosecondsPerOperation, before.CpuMicrosecondsPerOperation)} | {Ratio(after.P99Ms, before.P99Ms)} |");
            }
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
