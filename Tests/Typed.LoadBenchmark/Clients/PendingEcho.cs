using System.Threading.Tasks.Sources;

namespace Typed.LoadBenchmark.Clients;

/// <summary>
/// The one echo a connection waits for at a time, and the count of broadcasts it heard. The
/// waiting connection goes on either in the thread that received the echo, as the bare client's
/// loop does after its own receive, or on the thread pool, as code awaiting a task completed with
/// asynchronous continuations does; one reusable source per connection, so the harness adds no
/// allocation.
/// </summary>
internal sealed class PendingEcho : IValueTaskSource
{
    private ManualResetValueTaskSourceCore<bool> _source = new() { RunContinuationsAsynchronously = false };
    private int _expecting;
    private int _heard;

    public int Heard => Volatile.Read(ref _heard);

    /// <summary>The next message answers the echo; call before sending it, await after.</summary>
    public ValueTask Expect(bool onThreadPool)
    {
        _source.Reset();
        _source.RunContinuationsAsynchronously = onThreadPool;
        Volatile.Write(ref _expecting, 1);
        return new ValueTask(this, _source.Version);
    }

    /// <summary>A message arrived: it answers the pending echo, or it was a broadcast.</summary>
    public void Arrived()
    {
        if (Interlocked.Exchange(ref _expecting, 0) == 1)
        {
            _source.SetResult(true);
        }
        else
        {
            Interlocked.Increment(ref _heard);
        }
    }

    void IValueTaskSource.GetResult(short token) => _source.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _source.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _source.OnCompleted(continuation, state, token, flags);
}
