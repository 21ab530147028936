namespace Typed.Server.Sessions;

/// <summary>What a session needs to know of the connection a payload came up on: each transport's upstream is one.</summary>
internal interface IUpstream
{
    /// <summary>
    /// Whether acknowledgements of what came up go back in a frame of the downstream (a WebSocket),
    /// rather than in the upload's own answer (an HTTP <c>POST</c>).
    /// </summary>
    bool AcknowledgesInFrame { get; }

    /// <summary>
    /// Called, from any thread, when the client is asked a question while this upstream's own
    /// thread hands messages over: a handler there may block until the answer comes (or for any
    /// other reason), so the answer must be read by another thread. An upstream that never hands
    /// over inline does nothing.
    /// </summary>
    void KeepReadingElsewhere();
}
