namespace Typed.Server.Transports;

/// <summary>
/// A transport's watch over whether its peer still answers, looked at by its
/// <see cref="DownstreamPump"/> each time a heartbeat is due (at least once an interval), on the
/// wheel's tick.
/// </summary>
internal interface IPeerWatch
{
    /// <summary>Whether the peer is there, wants a ping (which this heartbeat carries), or is gone (and its connection aborted).</summary>
    PeerState Look();
}

internal enum PeerState
{
    Answering,

    /// <summary>Silent for a while: the heartbeat goes out now, quiet or not, and carries a ping.</summary>
    Silent,

    Gone,
}
