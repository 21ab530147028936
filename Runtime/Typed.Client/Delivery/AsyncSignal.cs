using System.Threading.Tasks.Sources;

namespace Typed.Client.Delivery;

/// <summary>
/// An auto-reset signal for one waiter at a time: a signal given while nobody waits is kept for
/// the next wait. The wait is one reusable source, so a wake costs no allocation; the waiter goes
/// on on the thread pool, never inside <see cref="Signal"/>.
/// </summary>
internal sealed class AsyncSignal : IValueTaskSource
{
    private readonly Gate _gate = new();
    private ManualResetValueTaskSourceCore<bool> _source = new() { RunContinuationsAsynchronously = true };
    private bool _waiting;
    private bool _signalled;

    public void Signal()
    {
        lock (_gate)
        {
            if (!_waiting)
            {
                _signalled = true;
                return;
            }

            _waiting = false;
        }

        _source.SetResult(true);
    }

    /// <summary>Completes at the next signal, or at once if one came since the last wait; await each before the next.</summary>
    public ValueTask WaitAsync()
    {
        lock (_gate)
        {
            if (_signalled)
            {
                _signalled = false;
                return default;
            }

            _source.Reset();
            _waiting = true;
            return new ValueTask(this, _source.Version);
        }
    }

    void IValueTaskSource.GetResult(short token) => _source.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _source.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _source.OnCompleted(continuation, state, token, flags);
}
