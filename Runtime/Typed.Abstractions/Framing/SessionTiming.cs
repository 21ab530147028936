namespace Typed.Framing;

/// <summary>
/// The server's rhythm for one session, as its handshake tells a client of acknowledged delivery:
/// how long a live downstream stays silent at most, and how long the session waits for a new
/// downstream once one ends. A client bounds its own requests by them, so that a request that
/// hangs is given up and replaced before the session is over.
/// </summary>
/// <param name="Heartbeat">The longest a live downstream stays silent: the heartbeat interval, or an idle poll's duration.</param>
/// <param name="Timeout">How long the session lives without a downstream.</param>
internal readonly record struct SessionTiming(TimeSpan Heartbeat, TimeSpan Timeout);
