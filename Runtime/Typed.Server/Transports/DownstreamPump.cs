using Typed.Buffers;
using Typed.Server.Sessions;

namespace Typed.Server.Transports;

/// <summary>
/// The loop every persistent transport runs: take what the session has queued, write it as one
/// frame, and write a heartbeat when nothing has gone out for a while. A frame that cannot be
/// written goes back to the session's queue, for the next downstream to deliver.
/// </summary>
internal static class DownstreamPump
{
    public delegate ValueTask FrameWriter(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken);

    public delegate ValueTask HeartbeatWriter(CancellationToken cancellationToken);

    /// <summary>Runs until cancelled (the client left, or another downstream took over) or a write fails.</summary>
    public static async Task RunAsync(
        Downstream downstream,
        FrameWriter writeFrame,
        HeartbeatWriter writeHeartbeat,
        TimeSpan heartbeatInterval,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        using var scratch = new PooledBufferWriter();

        // One heartbeat delay at a time, kept across waits, rather than a timer per wait: waiting
        // for the next message is the hot path, and a timer per message costs more than the message.
        Task? beat = null;
        var lastWrite = time.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = downstream.TakeBatch();
            if (batch is null)
            {
                var waiting = downstream.WaitAsync();
                if (waiting.IsCompleted)
                {
                    continue;
                }

                // The delay carries the cancellation: superseded or gone, the wait ends with it.
                beat ??= Task.Delay(UntilNextBeat(heartbeatInterval, time.GetElapsedTime(lastWrite)), time, cancellationToken);
                if (await Task.WhenAny(waiting, beat) != beat)
                {
                    continue;
                }

                beat = null;
                if (!cancellationToken.IsCancellationRequested && time.GetElapsedTime(lastWrite) >= heartbeatInterval)
                {
                    await writeHeartbeat(cancellationToken);
                    lastWrite = time.GetTimestamp();
                }

                continue;
            }

            try
            {
                await writeFrame(batch.Encode(scratch), cancellationToken);
            }
            catch
            {
                downstream.Undelivered(batch);
                throw;
            }

            downstream.Delivered(batch);
            lastWrite = time.GetTimestamp();
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
