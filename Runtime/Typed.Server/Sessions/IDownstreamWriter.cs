namespace Typed.Server.Sessions;

/// <summary>The writer of a persistent downstream, as the session sees it: something to flush on the calling thread.</summary>
internal interface IDownstreamWriter
{
    /// <summary>Writes what the session has queued now, on the calling thread, unless a write is in progress (whose writer takes it next).</summary>
    Task FlushAsync();
}
