using System.Globalization;
using Typed.Server;

namespace Typed.LoadBenchmark.Servers;

/// <summary>
/// How closely our server watches its clients, for the stress run: every <see cref="Heartbeat"/> a
/// WebSocket gets a heartbeat frame and a ping (a peer that leaves a ping unanswered for three
/// intervals is dropped) and an idle poll is answered empty; a session with no downstream attached
/// for <see cref="SessionTimeout"/> is over.
/// </summary>
public sealed record Liveness(TimeSpan Heartbeat, TimeSpan SessionTimeout)
{
    private const string Option = "--liveness";

    /// <summary>The server's arguments that carry these settings.</summary>
    public string[] Arguments => [Option, Milliseconds(Heartbeat), Milliseconds(SessionTimeout)];

    /// <summary>The settings in a server's arguments, if there, and the arguments without them.</summary>
    public static (Liveness? Liveness, string[] Others) Split(string[] arguments) => arguments switch
    {
        [Option, var heartbeat, var timeout, .. var others] => (new Liveness(FromMilliseconds(heartbeat), FromMilliseconds(timeout)), others),
        _ => (null, arguments),
    };

    public void Apply(SocketServerOptions options)
    {
        options.Timeout = SessionTimeout;
        options.TransportOptions[TransportNames.WebSocket] = new TransportOptions { HeartbeatInterval = Heartbeat };
        options.TransportOptions[TransportNames.XhrPolling] = new TransportOptions { Duration = Heartbeat };
    }

    private static string Milliseconds(TimeSpan span) => ((long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    private static TimeSpan FromMilliseconds(string text) => TimeSpan.FromMilliseconds(long.Parse(text, CultureInfo.InvariantCulture));
}
