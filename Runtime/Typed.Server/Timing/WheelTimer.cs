namespace Typed.Server.Timing;

/// <summary>
/// A timer on a <see cref="TimingWheel"/>: made once by its owner (a session, a downstream's
/// writer, a held poll) and scheduled again and again, so that scheduling and cancelling cost a
/// few pointer moves and no allocation. Scheduling a scheduled timer moves it.
/// </summary>
/// <remarks>
/// As with any timer, a callback may still run once when it was already being fired as the timer
/// was cancelled or moved; an owner that must not act early checks its own due time.
/// </remarks>
internal sealed class WheelTimer
{
    private readonly TimingWheel _wheel;
    private readonly Action<object?> _callback;
    private readonly object? _state;

    // Moved on by every schedule and cancel, under the wheel's lock, so that a fire taken before
    // either is dropped.
    private int _version;

    internal WheelTimer(TimingWheel wheel, Action<object?> callback, object? state)
    {
        _wheel = wheel;
        _callback = callback;
        _state = state;
    }

    /// <summary>Fires once <paramref name="delay"/> has passed (never, for an infinite one); returns the due timestamp.</summary>
    public long Schedule(TimeSpan delay)
    {
        if (delay == Timeout.InfiniteTimeSpan)
        {
            Cancel();
            return long.MaxValue;
        }

        var due = _wheel.TimestampAfter(delay);
        _wheel.Schedule(this, due);
        return due;
    }

    /// <summary>Fires once the wheel's clock reaches <paramref name="dueTimestamp"/>.</summary>
    public void ScheduleAt(long dueTimestamp) => _wheel.Schedule(this, dueTimestamp);

    /// <summary>Does not fire until scheduled again.</summary>
    public void Cancel() => _wheel.Cancel(this);

    // The wheel's, guarded by its lock: the slot's list and the tick the timer is due at.
    internal WheelTimer? Next { get; set; }

    internal WheelTimer? Previous { get; set; }

    internal long DueTick { get; set; }

    internal bool Scheduled { get; set; }

    internal int Version => Volatile.Read(ref _version);

    /// <summary>Called under the wheel's lock when the timer is scheduled or cancelled.</summary>
    internal void Moved() => Volatile.Write(ref _version, _version + 1);

    internal void Fire() => _callback(_state);
}
