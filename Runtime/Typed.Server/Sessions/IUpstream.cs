namespace Typed.Server.Sessions;

/// <summary>What a session needs to know of the connection a payload came up on: each transport's upstream is one.</summary>
internal interface IUpstream
{
    /// <summary>
    /// Whether acknowledgements of what came up go back in a frame of the downstream (a WebSocket),
    /// rather than in the upload's own answer (an HTTP <c>POST</c>).
    /// </summary>
    bool AcknowledgesInFrame { get; }
}
