namespace Typed.Server.Transports;

/// <summary>A transport's settings with every default filled in.</summary>
internal sealed record ResolvedTransportOptions(TimeSpan CloseTimeout, TimeSpan HeartbeatInterval, TimeSpan Duration)
{
    public ResolvedTransportOptions Override(TransportOptions? configured) => configured is null
        ? this
        : new ResolvedTransportOptions(
            configured.CloseTimeout ?? CloseTimeout,
            configured.HeartbeatInterval ?? HeartbeatInterval,
            configured.Duration ?? Duration);

    /// <summary>
    /// The settings of a transport whose hung or cut connection a client may only notice by its
    /// silence (a poll that hangs looks like a held one; a browser sees no end of a cut htmlfile
    /// stream): unless the application set <see cref="TransportOptions.CloseTimeout"/>, the session
    /// waits the longest silence of a live downstream and then twice <see cref="SocketServerOptions.Timeout"/>,
    /// time for the client to notice, give the connection up and replace it, even when a
    /// replacement hangs too.
    /// </summary>
    public static ResolvedTransportOptions NoticedBySilence(ResolvedTransportOptions defaults, SocketServerOptions options, TransportOptions? configured)
    {
        var resolved = defaults.Override(configured);
        var silence = resolved.Timing.Heartbeat;
        return configured?.CloseTimeout is not null || silence == Timeout.InfiniteTimeSpan
            ? resolved
            : resolved with { CloseTimeout = silence + (2 * options.Timeout) };
    }

    /// <summary>What the handshake tells a client: how long a live downstream stays silent at most, how long the session waits without one.</summary>
    public Framing.SessionTiming Timing => new(Duration != Timeout.InfiniteTimeSpan ? Duration : HeartbeatInterval, CloseTimeout);
}
