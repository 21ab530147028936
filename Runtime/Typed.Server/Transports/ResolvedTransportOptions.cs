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
}
