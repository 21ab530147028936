using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using Typed.Buffers;
using Typed.Server.Sessions;
using Typed.Server.Timing;

namespace Typed.Server.Transports;

/// <summary>
/// The writer of every persistent transport: take what the session has queued, write it as one
/// frame, and write a heartbeat when nothing has gone out for a while. A frame that cannot be
/// written goes back to the session's queue, for the next downstream to deliver.
/// </summary>
/// <remarks>
/// <para>
/// Frames are written by whoever holds the writer's gate: the pump's own loop, woken when a
/// message is queued from elsewhere, or the thread that has just handed a client's payload to
/// the application (<see cref="FlushAsync"/>), so that an answer goes out on the thread that made
/// it instead of waking another one: on a busy server the wake costs more than the write.
/// </para>
/// <para>
/// The heartbeat is a timer on the listener's wheel, due a heartbeat interval after the last write
/// it knew of: writes only note their time, and a timer that finds a write since it was set is set
/// again from that write. When it is due the wheel's tick writes it, if no write is in progress, so
/// that the loop of an idle downstream sleeps on (a wake per heartbeat cost an idle server more than
/// the heartbeats); else the loop writes it once the write in progress is done. Whatever ends the
/// pump (superseded, gone, the session over) wakes the one wait the loop has, the session's for
/// something to take; so does a heartbeat the tick could not write.
/// </para>
/// </remarks>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "RunAsync owns the pump from start to end: Stop returns the scratch buffer, and the gate never makes a wait handle.")]
internal sealed class DownstreamPump : IDownstreamWriter
{
    public delegate ValueTask FrameWriter(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken);

    public delegate ValueTask HeartbeatWriter(CancellationToken cancellationToken);

    private readonly Downstream _downstream;
    private readonly FrameWriter _writeFrame;
    private readonly HeartbeatWriter _writeHeartbeat;
    private readonly TimeSpan _heartbeatInterval;
    private readonly TimingWheel _timers;
    private readonly WheelTimer? _beat; // null when heartbeats are off
    private readonly IPeerWatch? _watch;
    private readonly CancellationToken _stopping;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly PooledBufferWriter _scratch = new();
    private long _lastWrite;
    private volatile bool _beatDue; // for the loop to write, the tick having found a write in progress
    private int _beatForced; // 1 when the next heartbeat goes out quiet or not
    private Exception? _beatFailed; // a heartbeat the tick wrote failed: the loop ends with it
    private bool _stopped;

    private DownstreamPump(Downstream downstream, FrameWriter writeFrame, HeartbeatWriter writeHeartbeat, TimeSpan heartbeatInterval, TimingWheel timers, IPeerWatch? watch, CancellationToken stopping)
    {
        _watch = watch;
        _downstream = downstream;
        _writeFrame = writeFrame;
        _writeHeartbeat = writeHeartbeat;
        _heartbeatInterval = heartbeatInterval;
        _timers = timers;
        _beat = heartbeatInterval == Timeout.InfiniteTimeSpan ? null : timers.CreateTimer(static pump => ((DownstreamPump)pump!).BeatDue(), this);
        _stopping = stopping;
        _lastWrite = timers.Time.GetTimestamp();
    }

    /// <summary>
    /// Runs until cancelled (the client left, or another downstream took over) or a write fails;
    /// <paramref name="watch"/>, the transport's watch over its peer if it keeps one, is looked at
    /// each time a heartbeat is due.
    /// </summary>
    public static async Task RunAsync(
        Downstream downstream,
        FrameWriter writeFrame,
        HeartbeatWriter writeHeartbeat,
        TimeSpan heartbeatInterval,
        TimingWheel timers,
        CancellationToken cancellationToken,
        IPeerWatch? watch = null)
    {
        var pump = new DownstreamPump(downstream, writeFrame, writeHeartbeat, heartbeatInterval, timers, watch, cancellationToken);
        downstream.Writer = pump;
        using var wakeOnStop = cancellationToken.UnsafeRegister(static pump => ((DownstreamPump)pump!).Wake(), pump);
        try
        {
            pump.ScheduleBeat();
            await pump.LoopAsync();
        }
        finally
        {
            downstream.Writer = null;
            pump.Stop();
            pump._beat?.Cancel();
        }
    }

    /// <summary>
    /// Writes what is queued now, on the calling thread, unless a write is in progress (whose
    /// writer takes it next). A failed write is left to the pump's loop, which ends the downstream.
    /// </summary>
    public async Task FlushAsync()
    {
        if (!_gate.Wait(0))
        {
            // The holder may be past its last look at the queue: the loop looks again.
            _downstream.Session.WakeDownstream();
            return;
        }

        try
        {
            if (!Volatile.Read(ref _stopped))
            {
                await DrainAsync();
            }
        }
        catch
        {
            _downstream.Session.WakeDownstream();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task LoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            await _gate.WaitAsync(_stopping);
            try
            {
                await DrainAsync();
            }
            finally
            {
                _gate.Release();
            }

            // Looked at once the wait is made, so that a wake from here on finds it.
            var waiting = _downstream.WaitAsync();
            if (!waiting.IsCompleted && !_beatDue && Volatile.Read(ref _beatFailed) is null && !_stopping.IsCancellationRequested)
            {
                await waiting;
            }

            if (Volatile.Read(ref _beatFailed) is { } failed)
            {
                ExceptionDispatchInfo.Throw(failed);
            }

            if (_beatDue)
            {
                _beatDue = false;
                await BeatIfQuietAsync(forced: Interlocked.Exchange(ref _beatForced, 0) == 1);
                ScheduleBeat();
            }
        }
    }

    /// <summary>
    /// On the wheel's tick: looks at the peer, then writes the heartbeat here if it is due (or the
    /// peer is silent) and no write is in progress, else leaves it to the loop.
    /// </summary>
    private void BeatDue()
    {
        if (Volatile.Read(ref _stopped))
        {
            return;
        }

        switch (_watch?.Look())
        {
            case PeerState.Gone:
                return; // its connection is aborted: the pump ends with it
            case PeerState.Silent:
                Volatile.Write(ref _beatForced, 1);
                break;
        }

        if (!_gate.Wait(0))
        {
            // Looked at again an interval from now, even if the write in progress never ends.
            _beatDue = true;
            Wake();
            _beat?.Schedule(_heartbeatInterval);
            return;
        }

        ValueTask writing;
        try
        {
            if (Volatile.Read(ref _stopped) || _stopping.IsCancellationRequested)
            {
                _gate.Release();
                return;
            }

            if (!(Interlocked.Exchange(ref _beatForced, 0) == 1 || IsQuiet))
            {
                _gate.Release();
                ScheduleBeat();
                return;
            }

            writing = _writeHeartbeat(_stopping);
        }
        catch (Exception e)
        {
            _gate.Release();
            BeatFailed(e);
            return;
        }

        if (!writing.IsCompleted)
        {
            // Looked at again an interval from now, even if this write never ends (the connection pushes back).
            _beat?.Schedule(_heartbeatInterval);
        }

        _ = FinishBeatAsync(writing);
    }

    /// <summary>The heartbeat the tick began: at once, as a rule, then the next one is scheduled.</summary>
    private async Task FinishBeatAsync(ValueTask writing)
    {
        try
        {
            await writing;
            Volatile.Write(ref _lastWrite, _timers.Time.GetTimestamp());
        }
        catch (Exception e)
        {
            BeatFailed(e);
            return;
        }
        finally
        {
            _gate.Release();
        }

        ScheduleBeat();
    }

    private void BeatFailed(Exception e)
    {
        Volatile.Write(ref _beatFailed, e);
        Wake();
    }

    private bool IsQuiet => _timers.Time.GetTimestamp() >= _timers.TimestampAfter(Volatile.Read(ref _lastWrite), _heartbeatInterval);

    private void Wake() => _downstream.Session.WakeDownstream();

    /// <summary>The next heartbeat is due an interval after the last write.</summary>
    private void ScheduleBeat() => _beat?.ScheduleAt(_timers.TimestampAfter(Volatile.Read(ref _lastWrite), _heartbeatInterval));

    /// <summary>Writes frames until the queue is empty; the caller holds the gate.</summary>
    private async ValueTask DrainAsync()
    {
        while (_downstream.TakeBatch() is { } batch)
        {
            try
            {
                await _writeFrame(batch.Encode(_scratch), _stopping);
            }
            catch
            {
                _downstream.Undelivered(batch);
                throw;
            }

            _downstream.Delivered(batch);
            Volatile.Write(ref _lastWrite, _timers.Time.GetTimestamp());
        }
    }

    private async ValueTask BeatIfQuietAsync(bool forced)
    {
        await _gate.WaitAsync(_stopping);
        try
        {
            if (!_stopping.IsCancellationRequested && (forced || IsQuiet))
            {
                await _writeHeartbeat(_stopping);
                Volatile.Write(ref _lastWrite, _timers.Time.GetTimestamp());
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// No more writes; the scratch buffer goes back to the pool unless a flush on another thread
    /// still holds it (a stalled write must not hold up the end), in which case the collector has it.
    /// </summary>
    private void Stop()
    {
        Volatile.Write(ref _stopped, true);
        if (_gate.Wait(0))
        {
            _scratch.Dispose();
            _gate.Release();
        }
    }
}
