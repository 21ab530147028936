using Microsoft.Extensions.Time.Testing;
using Typed.Server.Timing;

namespace Typed.Server.Tests.Timing;

/// <summary>
/// The listener's timing wheel on a fake clock, as the code that schedules on it sees it: a timer
/// fires once, at the first tick at or after its due time and never before; a cancelled one never
/// fires and a moved one fires only where it went; one scheduled while a tick fires waits for a
/// later tick; and timers due past the wheel's span, or many at once, keep all of that.
/// </summary>
public sealed class TimingWheelTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    [Fact]
    public void A_timer_fires_once_at_the_first_tick_at_or_after_its_due_time()
    {
        var clock = new Clock();
        clock.Advance(TimeSpan.FromMilliseconds(100)); // off the ticks' beat
        var timer = clock.Timer();

        timer.Schedule(TimeSpan.FromSeconds(1)); // due at 1.1 s, fired by the tick of 1.25 s

        clock.AdvanceTo(TimeSpan.FromMilliseconds(1_249));
        Assert.Empty(clock.Fired);
        clock.AdvanceTo(TimeSpan.FromMilliseconds(1_250));
        Assert.Equal([(timer.Id, TimeSpan.FromMilliseconds(1_250))], clock.Fired);
        clock.AdvanceTo(TimeSpan.FromSeconds(30));
        Assert.Single(clock.Fired);
        Assert.Equal(0, clock.Wheel.Count);
    }

    [Fact]
    public void A_timer_due_on_a_tick_fires_on_that_tick_and_one_due_now_on_the_next()
    {
        var clock = new Clock();
        var onTheBeat = clock.Timer();
        var now = clock.Timer();

        onTheBeat.Schedule(TimeSpan.FromMilliseconds(500));
        now.Schedule(TimeSpan.Zero);

        clock.AdvanceTo(TimeSpan.FromSeconds(2));
        Assert.Equal([(now.Id, TimeSpan.FromMilliseconds(250)), (onTheBeat.Id, TimeSpan.FromMilliseconds(500))], clock.Fired);
    }

    [Fact]
    public void A_cancelled_timer_never_fires_and_a_moved_one_fires_only_where_it_went()
    {
        var clock = new Clock();
        var cancelled = clock.Timer();
        var moved = clock.Timer();
        var cancelledThenScheduled = clock.Timer();

        cancelled.Schedule(TimeSpan.FromSeconds(1));
        moved.Schedule(TimeSpan.FromSeconds(1));
        cancelledThenScheduled.Schedule(TimeSpan.FromSeconds(1));
        clock.AdvanceTo(TimeSpan.FromMilliseconds(500));
        cancelled.Cancel();
        moved.Schedule(TimeSpan.FromSeconds(2)); // due at 2.5 s
        cancelledThenScheduled.Cancel();
        cancelledThenScheduled.Schedule(TimeSpan.FromSeconds(1)); // due at 1.5 s

        clock.AdvanceTo(TimeSpan.FromSeconds(10));
        Assert.Equal([(cancelledThenScheduled.Id, TimeSpan.FromSeconds(1.5)), (moved.Id, TimeSpan.FromSeconds(2.5))], clock.Fired);
    }

    [Fact]
    public void A_timer_scheduled_or_cancelled_while_a_tick_fires_takes_effect_from_the_next_tick()
    {
        var clock = new Clock();
        var again = clock.Timer();
        var other = clock.Timer();
        var one = clock.Timer();
        var theOther = clock.Timer();

        // `again` schedules itself at once from each of its first three fires, and `other` from
        // its first; `one` and `theOther`, due on the same tick, each cancel the other.
        clock.OnFire = id =>
        {
            if (id == again.Id && clock.Fired.Count(f => f.Id == again.Id) < 3)
            {
                again.Schedule(TimeSpan.Zero);
                if (clock.Fired.Count(f => f.Id == again.Id) == 1)
                {
                    other.Schedule(TimeSpan.Zero);
                }
            }

            if (id == one.Id)
            {
                theOther.Cancel();
            }

            if (id == theOther.Id)
            {
                one.Cancel();
            }
        };
        again.Schedule(TimeSpan.FromMilliseconds(250));
        one.Schedule(TimeSpan.FromMilliseconds(250));
        theOther.Schedule(TimeSpan.FromMilliseconds(250));

        clock.AdvanceTo(TimeSpan.FromSeconds(5));
        Assert.Equal(
            [TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(750)],
            clock.Fired.Where(f => f.Id == again.Id).Select(f => f.At));
        Assert.Equal([TimeSpan.FromMilliseconds(500)], clock.Fired.Where(f => f.Id == other.Id).Select(f => f.At));
        Assert.Equal([TimeSpan.FromMilliseconds(250)], clock.Fired.Where(f => f.Id == one.Id || f.Id == theOther.Id).Select(f => f.At));
    }

    [Fact]
    public void Timers_due_past_the_wheels_span_wait_out_their_laps()
    {
        var clock = new Clock();
        var hour = clock.Timer();
        var never = clock.Timer();

        hour.Schedule(TimeSpan.FromHours(1));
        never.Schedule(Timeout.InfiniteTimeSpan);
        Assert.Equal(1, clock.Wheel.Count);

        // A lap of the wheel is shorter than an hour: each slot comes round many times first.
        clock.AdvanceTo(TimeSpan.FromHours(1) - TimeSpan.FromMilliseconds(1), step: Tick);
        Assert.Empty(clock.Fired);
        clock.AdvanceTo(TimeSpan.FromHours(2), step: Tick);
        Assert.Equal([(hour.Id, TimeSpan.FromHours(1))], clock.Fired);
    }

    [Fact]
    public void A_tick_after_a_long_pause_fires_everything_due_by_then_once_and_nothing_later()
    {
        // A clock whose timers never fire by themselves: the tick comes only when called, as after
        // a machine slept through many laps of the wheel.
        var clock = new PausedClock();
        var wheel = new TimingWheel(clock, Tick);
        var fired = new List<int>();
        var timers = new[] { 10, 100, 1_000, 5_000 }.Select(seconds =>
        {
            var timer = wheel.CreateTimer(state => fired.Add((int)state!), seconds);
            timer.Schedule(TimeSpan.FromSeconds(seconds));
            return timer;
        }).ToArray();

        clock.Now = TimeSpan.FromSeconds(2_000);
        wheel.Tick();
        wheel.Tick();
        Assert.Equal([10, 100, 1_000], fired.Order());

        clock.Now = TimeSpan.FromSeconds(5_000);
        wheel.Tick();
        Assert.Equal([10, 100, 1_000, 5_000], fired.Order());
        Assert.Equal(0, wheel.Count);
    }

    [Fact]
    public void Many_timers_each_fire_once_never_early_and_at_most_a_tick_late()
    {
        var clock = new Clock();
        var random = new Random(26);
        var due = new Dictionary<int, TimeSpan>();
        var timers = Enumerable.Range(0, 20_000).Select(_ => clock.Timer()).ToArray();

        // Scheduled at random moments of the first minute, for up to ten minutes (past the wheel's
        // span); then, of those not yet fired, a tenth cancelled and a tenth moved.
        var plan = timers.Select(timer => (Timer: timer, At: TimeSpan.FromMilliseconds(random.Next(60_000)), Delay: TimeSpan.FromMilliseconds(random.Next(600_000)), Change: random.Next(10)))
            .OrderBy(p => p.At)
            .ToArray();
        foreach (var (timer, at, delay, _) in plan)
        {
            clock.AdvanceTo(at);
            timer.Schedule(delay);
            due[timer.Id] = at + delay;
        }

        var firedEarly = clock.Fired.Select(f => f.Id).ToHashSet();
        foreach (var (timer, _, _, _) in plan.Where(p => p.Change == 0 && !firedEarly.Contains(p.Timer.Id)))
        {
            timer.Cancel();
            due.Remove(timer.Id);
        }

        var now = clock.Now;
        foreach (var (timer, _, delay, _) in plan.Where(p => p.Change == 1 && !firedEarly.Contains(p.Timer.Id)))
        {
            timer.Schedule(delay / 2);
            due[timer.Id] = now + (delay / 2);
        }

        clock.AdvanceTo(TimeSpan.FromMinutes(12), step: TimeSpan.FromMilliseconds(50));

        Assert.Equal(due.Count, clock.Fired.Count);
        Assert.Equal(due.Keys.Order(), clock.Fired.Select(f => f.Id).Order());
        foreach (var (id, at) in clock.Fired)
        {
            Assert.InRange(at - due[id], TimeSpan.Zero, Tick);
        }

        Assert.Equal(0, clock.Wheel.Count);
    }

    /// <summary>A wheel on a fake clock that starts at zero, and every fire of its timers, in order, with the clock's time.</summary>
    private sealed class Clock
    {
        private readonly FakeTimeProvider _time = new();
        private readonly DateTimeOffset _start;
        private int _nextId;

        public Clock()
        {
            _start = _time.GetUtcNow();
            Wheel = new TimingWheel(_time, Tick);
        }

        public TimingWheel Wheel { get; }

        public List<(int Id, TimeSpan At)> Fired { get; } = [];

        public Action<int>? OnFire { get; set; }

        public TimeSpan Now => _time.GetUtcNow() - _start;

        public IdentifiedTimer Timer()
        {
            var id = _nextId++;
            return new IdentifiedTimer(id, Wheel.CreateTimer(
                state =>
                {
                    var fired = (int)state!;
                    Fired.Add((fired, Now));
                    OnFire?.Invoke(fired);
                },
                id));
        }

        public void Advance(TimeSpan by) => _time.Advance(by);

        /// <summary>
        /// Moves the clock to <paramref name="at"/>, stopping at every multiple of <paramref name="step"/>
        /// on the way (10 ms by default): the fake clock fires a timer once per move, at the move's end,
        /// so a move must stop on each tick for the tick to come on time.
        /// </summary>
        public void AdvanceTo(TimeSpan at, TimeSpan? step = null)
        {
            var every = (step ?? TimeSpan.FromMilliseconds(10)).Ticks;
            while (Now < at)
            {
                var next = TimeSpan.FromTicks(((Now.Ticks / every) + 1) * every);
                _time.Advance((next < at ? next : at) - Now);
            }
        }
    }

    /// <summary>A clock set by hand, whose timers never fire.</summary>
    private sealed class PausedClock : TimeProvider
    {
        public TimeSpan Now { get; set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Now.Ticks;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new Idle();

        private sealed class Idle : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    private sealed record IdentifiedTimer(int Id, WheelTimer Timer)
    {
        public void Schedule(TimeSpan delay) => Timer.Schedule(delay);

        public void Cancel() => Timer.Cancel();
    }
}
