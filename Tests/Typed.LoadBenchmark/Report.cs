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
        foreach (var scenario in results.Select(r => r.Scenario).Distinct())
        {
            var row = results.Where(r => r.Scenario == scenario).ToDictionary(r => r.Server);
            if (scenario == "memory")
            {
                Line(text, row, scenario, "bytes per idle connection", m => m.BytesPerConnection, "N0");
                continue;
            }

            Line(text, row, scenario, scenario == "broadcast" ? "deliveries/s" : "round trips/s", m => m.PerSecond, "N0");
            if (scenario == "broadcast")
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

    private static void Line(StringBuilder text, Dictionary<string, Measurement> row, string scenario, string figure, Func<Measurement, double> value, string format)
    {
        string Cell(string server) => row.TryGetValue(server, out var m) ? value(m).ToString(format, CultureInfo.InvariantCulture) : "";
        string Ratio(string server, string other) => row.TryGetValue(server, out var ours) && row.TryGetValue(other, out var theirs) && value(theirs) != 0
            ? (value(ours) / value(theirs)).ToString("0.00", CultureInfo.InvariantCulture) + "×"
            : "";
        text.AppendLine($"| {scenario} | {figure} | {Cell("Typed")} | {Cell("SignalR")} | {Cell("Bare")} | {Ratio("Typed", "SignalR")} | {Ratio("Typed", "Bare")} | {Ratio("Bare", "SignalR")} |");
    }
}
