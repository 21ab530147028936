namespace Typed.Server;

/// <summary>
/// How the server speaks the protocol: the 2010 listener's options (<c>resource</c>,
/// <c>transports</c>, <c>transportOptions</c>, <c>timeout</c>, <c>origins</c>) plus the limits a
/// server on the open internet needs.
/// </summary>
public sealed class SocketServerOptions
{
    /// <summary>The path segment the server owns: every request under <c>/{Resource}</c>.</summary>
    public string Resource { get; set; } = "socket.io";

    /// <summary>
    /// The transports accepted, by protocol name. Null accepts every transport the server has;
    /// see <see cref="TransportNames"/>.
    /// </summary>
    public IList<string>? Transports { get; set; }

    /// <summary>Per-transport settings, keyed by transport name; unset values take the transport's default.</summary>
    public IDictionary<string, TransportOptions> TransportOptions => _transportOptions;

    private Dictionary<string, TransportOptions> _transportOptions = new(StringComparer.Ordinal);

    /// <summary>How long a session lives with no downstream attached before it is over.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// Allowed <c>host:port</c> pairs for cross-origin requests, <c>*</c> on either side
    /// (<c>*:*</c> allows every origin). Empty, the default, allows only the server's own origin.
    /// </summary>
    public IList<string> Origins { get; set; } = [];

    /// <summary>The largest upstream payload (one WebSocket message or one decoded <c>data</c> field), in bytes.</summary>
    public int MaxMessageSize { get; set; } = 1024 * 1024;

    /// <summary>
    /// How many bytes of messages may wait for one session's downstream. A session that
    /// would pass it is a consumer too slow to keep: it is disconnected.
    /// </summary>
    public long MaxQueuedBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>
    /// How long a poll for an unknown or expired session waits before its 404, so that an old
    /// client that re-polls at once does not spin in a tight loop.
    /// </summary>
    public TimeSpan UnknownSessionDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The port of the Flash socket policy listener, started when <c>flashsocket</c> is enabled
    /// (0 picks a free port). Binding 843 needs privileges; when it fails, a warning is logged
    /// and the application runs on without the listener.
    /// </summary>
    public int FlashPolicyPort { get; set; } = 843;

    /// <summary>
    /// The address the Flash socket policy listener binds. Null, the default, binds the addresses
    /// the application itself listens on (a loopback app gets a loopback listener).
    /// </summary>
    public System.Net.IPAddress? FlashPolicyAddress { get; set; }

    /// <summary>
    /// How long stopping the application waits for what sessions have queued to reach their
    /// connections (a poll that has yet to come back, say) before it ends them all. The host's own
    /// shutdown timeout bounds it too.
    /// </summary>
    public TimeSpan ShutdownFlushTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an event sent to a client waits for the client's answer.</summary>
    public TimeSpan AnswerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Send a failed handler's exception message to the client that asked, whatever the exception.
    /// Off by default: the client then reads only an <see cref="Typed.Events.EventException"/>'s
    /// message, and "An error occurred while handling 'Event'." for any other (which is logged
    /// here in full). Turn it on in development only.
    /// </summary>
    public bool DetailedErrors { get; set; }

    /// <summary>
    /// When the authentication a session opened with expires (the ticket's <c>ExpiresUtc</c>, a JWT's
    /// <c>exp</c>), close its connection, refuse its requests with 401 until the same user comes back
    /// with fresher authentication (which continues the session), and end it with
    /// <see cref="DisconnectReason.AuthenticationExpired"/> if none comes within <see cref="Timeout"/>.
    /// Off by default, as in SignalR: a session then lives on whatever its authentication says.
    /// </summary>
    public bool CloseOnAuthenticationExpiration { get; set; }

    /// <summary>A copy whose lists and transport options are its own, for an endpoint to change.</summary>
    internal SocketServerOptions Copy()
    {
        var copy = (SocketServerOptions)MemberwiseClone();
        copy.Transports = Transports is null ? null : [.. Transports];
        copy.Origins = [.. Origins];
        copy._transportOptions = new Dictionary<string, TransportOptions>(StringComparer.Ordinal);
        foreach (var (name, options) in TransportOptions)
        {
            copy._transportOptions[name] = new TransportOptions { CloseTimeout = options.CloseTimeout, HeartbeatInterval = options.HeartbeatInterval, Duration = options.Duration };
        }

        return copy;
    }
}
