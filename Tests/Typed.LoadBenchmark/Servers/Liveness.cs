using System.Globalization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Typed.Server;
using Typed.Server.Transports;

namespace Typed.LoadBenchmark.Servers;

/// <summary>
/// How closely the servers watch their clients, for the stress run. Ours: every <see cref="Heartbeat"/>
/// a WebSocket gets a heartbeat frame (and a ping when it has been silent; a peer silent for
/// <see cref="PeerTimeout"/> is dropped) and an idle poll is answered empty; a session with no
/// downstream attached for <see cref="SessionTimeout"/> is over. SignalR's, as alike as it goes: a
/// keep-alive every <see cref="Heartbeat"/>, long polls held as long, a client that sends nothing
/// for <see cref="PeerTimeout"/> dropped (its clients ping every <see cref="ClientKeepAlive"/>, as
/// SignalR asks), a long-polling connection without a poll for <see cref="SessionTimeout"/> gone.
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

    /// <summary>How long our server lets a WebSocket peer send nothing, not even a pong, at this heartbeat.</summary>
    public TimeSpan PeerTimeout => WebSocketLiveness.Thresholds(Heartbeat).GoneAfter;

    /// <summary>How often SignalR's clients ping: half its server's client timeout, as SignalR advises.</summary>
    public TimeSpan ClientKeepAlive => PeerTimeout / 2;

    public void Apply(HubOptions options)
    {
        options.KeepAliveInterval = Heartbeat;
        options.ClientTimeoutInterval = PeerTimeout;
    }

    public void Apply(HttpConnectionDispatcherOptions options) => options.LongPolling.PollTimeout = Heartbeat;

    public void Apply(ConnectionOptions options) => options.DisconnectTimeout = SessionTimeout;

    public void Apply(SocketServerOptions options)
    {
        options.Timeout = SessionTimeout;
        options.TransportOptions[TransportNames.WebSocket] = new TransportOptions { HeartbeatInterval = Heartbeat };
        options.TransportOptions[TransportNames.XhrPolling] = new TransportOptions { Duration = Heartbeat };
    }

    private static string Milliseconds(TimeSpan span) => ((long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    private static TimeSpan FromMilliseconds(string text) => TimeSpan.FromMilliseconds(long.Parse(text, CultureInfo.InvariantCulture));
}
