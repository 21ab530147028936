namespace Typed.Client.Transports;

/// <summary>
/// One of the protocol's ways of reaching the server, on the client side: it opens the downstream
/// (for a new session or to reattach one), hands every frame it reads to the sink, and carries
/// payloads upstream. A transport instance serves one connection; reconnecting makes a new one.
/// </summary>
internal abstract class ClientTransport(TransportContext context, IFrameSink sink) : IAsyncDisposable
{
    private readonly TaskCompletionSource<Exception?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private long _lastHeard = Environment.TickCount64;

    public abstract string Name { get; }

    /// <summary>Whether every downstream request already tells the server what has been received (polling).</summary>
    public virtual bool AcknowledgesDownstream => false;

    /// <summary>Completes when the downstream ends: null when it was closed on purpose, else why.</summary>
    public Task<Exception?> Completion => _completion.Task;

    protected TransportContext Context { get; } = context;

    protected IFrameSink Sink { get; } = sink;

    /// <summary>Cancelled when the transport is disposed.</summary>
    protected CancellationToken Stopping => _stop.Token;

    /// <summary>Opens the downstream: a new session when <paramref name="sessionId"/> is null, else a reattachment.</summary>
    /// <exception cref="SessionExpiredException">The server no longer knows the session.</exception>
    public abstract Task OpenAsync(string? sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Carries one payload upstream; returns the server's acknowledgement when its answer holds one.
    /// A transport bounds this itself (an upload's timeout, its own end), so no caller waits on a
    /// request that will never complete.
    /// </summary>
    public abstract ValueTask<long?> SendAsync(ReadOnlyMemory<byte> payload);

    /// <summary>
    /// Tells the server that the session is over, so that it ends now rather than after its
    /// timeout; HTTP transports post <c>.../leave</c>. Bounded by the request timeout.
    /// </summary>
    public virtual Task LeaveAsync(string sessionId) => HttpUpstream.LeaveAsync(Context, Name, sessionId);

    /// <summary>Stops the transport; safe to call more than once (the supervisor and a disconnect may race).</summary>
    public virtual async ValueTask DisposeAsync()
    {
        // The source is never disposed: loops still running may read its token.
        await _stop.CancelAsync();
        Complete(null);
    }

    /// <summary>How long since the downstream last brought anything (a frame, a heartbeat, a poll's answer).</summary>
    public TimeSpan Silence => TimeSpan.FromMilliseconds(Environment.TickCount64 - Volatile.Read(ref _lastHeard));

    /// <summary>Ends the transport because using it failed (an upstream request, say).</summary>
    public void Fail(Exception reason) => Complete(reason);

    protected void Complete(Exception? reason) => _completion.TrySetResult(reason);

    /// <summary>The downstream brought something: the server is alive.</summary>
    protected void Heard() => Volatile.Write(ref _lastHeard, Environment.TickCount64);
}
