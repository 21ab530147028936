namespace Typed.Client.Delivery;

/// <summary>
/// When received messages have waited <c>delay</c> without a payload carrying their
/// acknowledgement, says that one is due on its own. One timer per socket, armed by the first
/// message that is owed and not re-armed for the ones after it, so that a busy connection does
/// not pay for a timer per message.
/// </summary>
internal sealed class AckTimer : IDisposable
{
    private readonly Inbox _inbox;
    private readonly TimeSpan _delay;
    private readonly Action _due;
    private readonly ITimer _timer;
    private int _armed;
    private long _armedFor;
    private int _isDue;

    /// <param name="inbox">What has been received and acknowledged.</param>
    /// <param name="delay">How long a received message may wait for its acknowledgement.</param>
    /// <param name="due">Told when an acknowledgement is due (from a timer thread).</param>
    public AckTimer(Inbox inbox, TimeSpan delay, Action due)
    {
        _inbox = inbox;
        _delay = delay;
        _due = due;
        _timer = TimeProvider.System.CreateTimer(static state => ((AckTimer)state!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Message <paramref name="received"/> arrived and is owed an acknowledgement.</summary>
    public void Arm(long received)
    {
        if (Interlocked.CompareExchange(ref _armed, 1, 0) == 0)
        {
            Volatile.Write(ref _armedFor, received);
            _timer.Change(_delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The acknowledgement is due now, without waiting for the delay: enough is owed.</summary>
    public void DueNow()
    {
        Volatile.Write(ref _isDue, 1);
        _due();
    }

    /// <summary>True once each time the acknowledgement has become due.</summary>
    public bool TakeDue() => Interlocked.Exchange(ref _isDue, 0) == 1;

    public void Dispose() => _timer.Dispose();

    private void Fire()
    {
        var stillOwed = _inbox.LastAcknowledged < Volatile.Read(ref _armedFor);
        Volatile.Write(ref _armed, 0);
        if (stillOwed)
        {
            Volatile.Write(ref _isDue, 1);
            _due();
        }
        else if (_inbox.AckOwed)
        {
            // Carried meanwhile, but newer messages are owed: they get their own delay.
            Arm(_inbox.LastReceived);
        }
    }
}
