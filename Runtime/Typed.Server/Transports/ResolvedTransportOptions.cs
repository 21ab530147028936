namespace Typed.Server.Transports;

/// <summary>A transport's settings with every default filled in.</summary>
/// <param name="CloseTimeout">How long the session waits for a new downstream after this one.</param>
/// <param name="HeartbeatInterval">How often a persistent transport writes a heartbeat while idle.</param>
/// <param name="Duration">How long an idle long poll is held.</param>
/// <param name="NoticedBySilence">
/// Whether a client may notice this transport's hung or cut connection only by its silence (a poll
/// that hangs looks like a held one; a browser sees no end of a cut forever-iframe). Unless the
/// application sets <see cref="TransportOptions.CloseTimeout"/>, such a session waits the longest
/// silence of a live downstream and then twice <see cref="SocketServerOptions.Timeout"/>: time for
/// the client to notice, give the connection up and replace it, even when a replacement hangs too.
/// </param>
internal sealed record ResolvedTransportOptions(TimeSpan CloseTimeout, TimeSpan HeartbeatInterval, TimeSpan Duration, bool NoticedBySilence = false)
{
    /// <summary>These defaults with what the application configured, the close timeout derived where it is left to the transport.</summary>
    public ResolvedTransportOptions Override(TransportOptions? configured, TimeSpan sessionTimeout)
    {
        var resolved = new ResolvedTransportOptions(
            configured?.CloseTimeout ?? CloseTimeout,
            configured?.HeartbeatInterval ?? HeartbeatInterval,
            configured?.Duration ?? Duration,
            NoticedBySilence);
        var silence = resolved.Timing.Heartbeat;
        return configured?.CloseTimeout is null && NoticedBySilence && silence != Timeout.InfiniteTimeSpan
            ? resolved with { CloseTimeout = silence + (2 * sessionTimeout) }
            : resolved;
    }

    /// <summary>What the handshake tells a client: how long a live downstream stays silent at most, how long the session waits without one.</summary>
    public Framing.SessionTiming Timing => new(Duration != Timeout.InfiniteTimeSpan ? Duration : HeartbeatInterval, CloseTimeout);
}
