using System.Diagnostics.CodeAnalysis;
using Typed.Buffers;
using Typed.Server.Sessions;

namespace Typed.Server.Transports;

/// <summary>
/// The writer of every persistent transport: take what the session has queued, write it as one
/// frame, and write a heartbeat when nothing has gone out for a while. A frame that cannot be
/// written goes back to the session's queue, for the next downstream to deliver.
/// </summary>
/// <remarks>
/// Frames are written by whoever holds the writer's gate: the pump's own loop, woken when a
/// message is queued from elsewhere, or the thread that has just handed a client's payload to
/// the application (<see cref="FlushAsync"/>), so that an answer goes out on the thread that made
/// it instead of waking another one: on a busy server the wake costs more than the write.
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
    private readonly TimeProvider _time;
    private readonly CancellationToken _stopping;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly PooledBufferWriter _scratch = new();
    private long _lastWrite;
    private bool _stopped;

    private DownstreamPump(Downstream downstream, FrameWriter writeFrame, HeartbeatWriter writeHeartbeat, TimeSpan heartbeatInterval, TimeProvider time, CancellationToken stopping)
    {
        _downstream = downstream;
        _writeFrame = writeFrame;
        _writeHeartbeat = writeHeartbeat;
        _heartbeatInterval = heartbeatInterval;
        _time = time;
        _stopping = stopping;
        _lastWrite = time.GetTimestamp();
    }

    /// <summary>Runs until cancelled (the client left, or another downstream took over) or a write fails.</summary>
    public static async Task RunAsync(
        Downstream downstream,
        FrameWriter writeFrame,
        HeartbeatWriter writeHeartbeat,
        TimeSpan heartbeatInterval,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var pump = new DownstreamPump(downstream, writeFrame, writeHeartbeat, heartbeatInterval, time, cancellationToken);
        downstream.Writer = pump;
        try
        {
            await pump.LoopAsync();
        }
        finally
        {
            downstream.Writer = null;
            pump.Stop();
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
        // One heartbeat delay at a time, kept across waits, rather than a timer per wait: waiting
        // for the next message is the hot path, and a timer per message costs more than the message.
        Task? beat = null;
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

            var waiting = _downstream.WaitAsync();
            if (waiting.IsCompleted)
            {
                continue;
            }

            // The delay carries the cancellation: superseded or gone, the wait ends with it.
            beat ??= Task.Delay(UntilNextBeat(_heartbeatInterval, _time.GetElapsedTime(Volatile.Read(ref _lastWrite))), _time, _stopping);
            if (await Task.WhenAny(waiting, beat) != beat)
            {
                continue;
            }

            beat = null;
            await BeatIfQuietAsync();
        }
    }

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
            Volatile.Write(ref _lastWrite, _time.GetTimestamp());
        }
    }

    private async ValueTask BeatIfQuietAsync()
    {
        await _gate.WaitAsync(_stopping);
        try
        {
            if (!_stopping.IsCancellationRequested && _time.GetElapsedTime(_lastWrite) >= _heartbeatInterval)
            {
                await _writeHeartbeat(_stopping);
                _lastWrite = _time.GetTimestamp();
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

    /// <summary>How long until a heartbeat is due, after <paramref name="quiet"/> without a write (never negative).</summary>
    private static TimeSpan UntilNextBeat(TimeSpan interval, TimeSpan quiet)
    {
        if (interval == Timeout.InfiniteTimeSpan)
        {
            return interval;
        }

        return interval > quiet ? interval - quiet : TimeSpan.Zero;
    }
}
