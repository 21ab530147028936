namespace Typed.Server.Sessions;

/// <summary>
/// One attachment of a transport's connection to a session: the polling request or the open
/// socket that frames are written to. A newer attachment supersedes it; disposing it detaches
/// it and starts the session's timeout.
/// </summary>
internal sealed class Downstream : IDisposable
{
    private readonly CancellationTokenSource _superseded = new();

    public Downstream(Session session, TimeSpan closeTimeout)
    {
        Session = session;
        CloseTimeout = closeTimeout;
    }

    public Session Session { get; }

    /// <summary>The writer of a persistent transport while it runs; null for a poll, which answers once.</summary>
    public IDownstreamWriter? Writer { get; set; }

    /// <summary>How long the session waits for the next downstream after this one.</summary>
    public TimeSpan CloseTimeout { get; }

    /// <summary>Cancelled when another downstream takes over or the session ends.</summary>
    public CancellationToken Superseded => _superseded.Token;

    /// <summary>Completes when there is something to take (at once when this downstream is no longer current).</summary>
    /// <remarks>
    /// It takes no token: what ends a wait wakes it instead (being superseded, the session's end, and
    /// whatever else the caller watches, through <see cref="Sessions.Session.WakeDownstream"/>), and
    /// the caller looks again at why it woke.
    /// </remarks>
    public Task WaitAsync() => Session.WaitForOutgoingAsync(this);

    /// <summary>Takes everything waiting, or null when there is nothing or this downstream is no longer current.</summary>
    public OutgoingBatch? TakeBatch() => Session.TakeBatch(this);

    /// <summary>The batch reached the connection: the handshake, if it carried it, is done.</summary>
    public void Delivered(OutgoingBatch batch) => Session.Delivered(batch);

    /// <summary>The batch could not be written: it goes back to the front of the queue.</summary>
    public void Undelivered(OutgoingBatch batch) => Session.Requeue(batch);

    internal void Supersede()
    {
        try
        {
            _superseded.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Detached already: nothing is waiting on it.
            return;
        }

        Session.WakeDownstream();
    }

    public void Dispose()
    {
        Session.Detach(this);
        _superseded.Dispose();
    }
}
