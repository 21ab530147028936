namespace Typed.Server.Timing;

/// <summary>
/// One timer for every session of a listener: a hashed timing wheel that ticks every
/// <see cref="TickLength"/> on the listener's clock and fires the <see cref="WheelTimer"/>s due by
/// then. A timer per session (a keep-alive, a heartbeat delay, a poll's timeout) costs a timer
/// queue entry and a thread-pool hop each time it fires; here an idle server pays one tick.
/// </summary>
/// <remarks>
/// A timer fires at the first tick at or after its due time: up to one tick late, never early.
/// Timers fire on the tick's thread, one after another, so a callback must be quick (set a flag,
/// wake a waiter, or hop to the thread pool). The wheel's own timer runs only while something is
/// scheduled, so a listener with no sessions costs nothing and holds nothing.
/// </remarks>
internal sealed class TimingWheel
{
    /// <summary>Fine enough for heartbeats and timeouts of seconds, coarse enough that a tick finds many timers due.</summary>
    public static readonly TimeSpan DefaultTick = TimeSpan.FromMilliseconds(250);

    // A power of two: a slot is a tick number's low bits. 1024 ticks of 250 ms span 256 s, longer
    // than any heartbeat, poll or session timeout; a timer due later stays in its slot for more laps.
    private const int SlotCount = 1024;
    private const long SlotMask = SlotCount - 1;

    private readonly Gate _gate = new();
    private readonly WheelTimer?[] _slots = new WheelTimer?[SlotCount];
    private readonly long _origin;
    private readonly long _tickLength;
    private readonly ITimer _ticker;

    // Only the ticking thread touches this: the timers taken from their slots, with the version
    // each had then (one rescheduled or cancelled meanwhile is not fired).
    private readonly List<(WheelTimer Timer, int Version)> _due = [];
    private int _ticking;

    // Guarded by _gate.
    private long _processed; // the last tick whose slot was emptied of what was due
    private int _count;
    private bool _running;

    public TimingWheel(TimeProvider time, TimeSpan tick)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(tick, TimeSpan.Zero);
        Time = time;
        TickLength = tick;
        _tickLength = Math.Max(1, ToTimestamp(tick));
        _origin = time.GetTimestamp();

        // Made without the caller's execution context: the wheel outlives whatever request made it.
        using (ExecutionContext.SuppressFlow())
        {
            _ticker = time.CreateTimer(static wheel => ((TimingWheel)wheel!).Tick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The clock the wheel keeps time by; due times are its timestamps.</summary>
    public TimeProvider Time { get; }

    public TimeSpan TickLength { get; }

    /// <summary>How many timers are scheduled.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>A timer of this wheel that calls <paramref name="callback"/> with <paramref name="state"/> each time it fires.</summary>
    public WheelTimer CreateTimer(Action<object?> callback, object? state) => new(this, callback, state);

    /// <summary>The timestamp <paramref name="delay"/> from now (saturating: an infinite or huge delay is a time that never comes).</summary>
    public long TimestampAfter(TimeSpan delay) => TimestampAfter(Time.GetTimestamp(), delay);

    /// <summary>The timestamp <paramref name="delay"/> after <paramref name="timestamp"/>, saturating.</summary>
    public long TimestampAfter(long timestamp, TimeSpan delay)
    {
        if (delay == Timeout.InfiniteTimeSpan)
        {
            return long.MaxValue;
        }

        var span = ToTimestamp(delay);
        return span > long.MaxValue - timestamp ? long.MaxValue : timestamp + span;
    }

    internal void Schedule(WheelTimer timer, long dueTimestamp)
    {
        lock (_gate)
        {
            if (timer.Scheduled)
            {
                Unlink(timer);
            }
            else
            {
                _count++;
            }

            timer.Moved();
            if (!_running)
            {
                // Nothing was scheduled, so no slot holds anything: the wheel starts from now.
                _processed = Math.Max(_processed, CurrentTick());
            }

            timer.DueTick = Math.Max(TickAt(dueTimestamp), _processed + 1);
            Link(timer);
            if (!_running)
            {
                _running = true;
                var sinceTick = (Time.GetTimestamp() - _origin) % _tickLength;
                _ticker.Change(FromTimestamp(_tickLength - sinceTick), TickLength);
            }
        }
    }

    internal void Cancel(WheelTimer timer)
    {
        lock (_gate)
        {
            timer.Moved();
            if (timer.Scheduled)
            {
                Unlink(timer);
                _count--;
            }
        }
    }

    /// <summary>Fires what is due by now; the wheel's own timer calls it, and so may a test.</summary>
    internal void Tick()
    {
        // A tick that runs long is not overlapped by the next: it catches up by the clock instead.
        if (Interlocked.Exchange(ref _ticking, 1) == 1)
        {
            return;
        }

        try
        {
            TakeDue();
            foreach (var (timer, version) in _due)
            {
                if (timer.Version == version)
                {
                    timer.Fire();
                }
            }
        }
        finally
        {
            _due.Clear();
            Volatile.Write(ref _ticking, 0);
        }
    }

    private void TakeDue()
    {
        lock (_gate)
        {
            var target = CurrentTick();
            if (target > _processed)
            {
                // After a long pause every slot is looked at once, rather than once per tick missed.
                var from = target - _processed >= SlotCount ? target - SlotCount + 1 : _processed + 1;
                for (var tick = from; tick <= target; tick++)
                {
                    TakeDue(tick & SlotMask, target);
                }

                _processed = target;
            }

            if (_count == 0 && _running)
            {
                _running = false;
                _ticker.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }
    }

    // Called with _gate held: moves the slot's timers due by target (not those of later laps) to _due.
    private void TakeDue(long slot, long target)
    {
        var timer = _slots[slot];
        while (timer is not null)
        {
            var next = timer.Next;
            if (timer.DueTick <= target)
            {
                Unlink(timer);
                _count--;
                _due.Add((timer, timer.Version));
            }

            timer = next;
        }
    }

    // Called with _gate held.
    private void Link(WheelTimer timer)
    {
        ref var head = ref _slots[timer.DueTick & SlotMask];
        timer.Previous = null;
        timer.Next = head;
        if (head is not null)
        {
            head.Previous = timer;
        }

        head = timer;
        timer.Scheduled = true;
    }

    // Called with _gate held.
    private void Unlink(WheelTimer timer)
    {
        if (timer.Previous is { } previous)
        {
            previous.Next = timer.Next;
        }
        else
        {
            _slots[timer.DueTick & SlotMask] = timer.Next;
        }

        if (timer.Next is { } next)
        {
            next.Previous = timer.Previous;
        }

        timer.Next = null;
        timer.Previous = null;
        timer.Scheduled = false;
    }

    /// <summary>The last tick whose time has come.</summary>
    private long CurrentTick() => (Time.GetTimestamp() - _origin) / _tickLength;

    /// <summary>The first tick at or after the timestamp: firing then is never early.</summary>
    private long TickAt(long timestamp)
    {
        var since = timestamp - _origin;
        if (since <= 0)
        {
            return 0;
        }

        return (since / _tickLength) + (since % _tickLength == 0 ? 0 : 1);
    }

    private long ToTimestamp(TimeSpan span)
    {
        if (span <= TimeSpan.Zero)
        {
            return 0;
        }

        var timestamp = span.TotalSeconds * Time.TimestampFrequency;
        return timestamp >= long.MaxValue / 2 ? long.MaxValue / 2 : (long)Math.Ceiling(timestamp);
    }

    private TimeSpan FromTimestamp(long timestamp) => TimeSpan.FromSeconds((double)timestamp / Time.TimestampFrequency);
}
