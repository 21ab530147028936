using System.Globalization;
using System.Text;
using Typed.LoadBenchmark.Servers;

namespace Typed.LoadBenchmark.Scenarios;

/// <summary>
/// The stress run's servers side by side, as a Markdown table: sessions held, server CPU over the
/// hold, resident memory per session, and ours over each other server's.
/// </summary>
public static class StressComparison
{
    public static string Table(IReadOnlyList<StressFigures> figures)
    {
        var settings = figures[0].Settings;
        var liveness = settings.Liveness;
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Idle sessions: {settings.WebSockets:N0} WebSocket + {settings.Polling:N0} long-polling sessions held {settings.Hold.TotalSeconds:0} s on each server in turn, a heartbeat every {Seconds(liveness.Heartbeat)} on both"));
        text.AppendLine(Invariant($"(ours: heartbeat interval and poll duration {Seconds(liveness.Heartbeat)}, a WebSocket peer silent {Seconds(liveness.PeerTimeout)} dropped, a session {Seconds(liveness.SessionTimeout)} without a downstream over;"));
        text.AppendLine(Invariant($"SignalR: KeepAliveInterval and long polls' PollTimeout {Seconds(liveness.Heartbeat)}, ClientTimeoutInterval {Seconds(liveness.PeerTimeout)} with its clients' KeepAliveInterval {Seconds(liveness.ClientKeepAlive)}, DisconnectTimeout {Seconds(liveness.SessionTimeout)})."));
        text.AppendLine();
        text.AppendLine("| server | sessions held | server CPU over the hold, % of one core | memory per session, connected | memory per session, end of the hold |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var server in figures)
        {
            text.AppendLine(Invariant($"| {server.Kind} | {server.SessionsHeld:N0} of {settings.Sessions:N0} | {server.CpuPercent:0.0} | {server.BytesPerSessionConnected:N0} B | {server.BytesPerSessionAtEnd:N0} B |"));
        }

        if (figures.FirstOrDefault(f => f.Kind == ServerKind.Typed) is { } ours)
        {
            foreach (var other in figures.Where(f => f.Kind != ServerKind.Typed))
            {
                text.AppendLine(Invariant($"| Typed / {other.Kind} | | {Ratio(ours.CpuPercent, other.CpuPercent)} | {Ratio(ours.BytesPerSessionConnected, other.BytesPerSessionConnected)} | {Ratio(ours.BytesPerSessionAtEnd, other.BytesPerSessionAtEnd)} |"));
            }
        }

        return text.ToString();
    }

    private static string Seconds(TimeSpan span) => Invariant($"{span.TotalSeconds:0.#} s");

    private static string Ratio(double ours, double theirs) => theirs > 0 ? Invariant($"{ours / theirs:0.00}×") : "";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
