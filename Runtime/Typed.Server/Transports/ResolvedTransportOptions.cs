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

    /// <summary>What the handshake tells a client: how long a live downstream stays silent at most, how long the session waits without one.</summary>
    public Framing.SessionTiming Timing => new(Duration != Timeout.InfiniteTimeSpan ? Duration : HeartbeatInterval, CloseTimeout);
}
