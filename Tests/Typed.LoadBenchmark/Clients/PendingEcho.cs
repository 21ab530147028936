namespace Typed.LoadBenchmark.Clients;

/// <summary>The one echo a connection waits for at a time, and the count of broadcasts it heard.</summary>
internal sealed class PendingEcho
{
    private TaskCompletionSource? _pending;
    private int _heard;

    public int Heard => Volatile.Read(ref _heard);

    public Task Expect()
    {
        var pending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending = pending;
        return pending.Task;
    }

    /// <summary>A message arrived: it answers the pending echo, or it was a broadcast.</summary>
    public void Arrived()
    {
        if (Interlocked.Exchange(ref _pending, null) is { } pending)
        {
            pending.TrySetResult();
        }
        else
        {
            Interlocked.Increment(ref _heard);
        }
    }
}
