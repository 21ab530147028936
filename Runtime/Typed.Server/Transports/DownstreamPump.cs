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
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = downstream.TakeBatch();
            if (batch is null)
            {
                try
                {
                    await downstream.WaitAsync(cancellationToken).WaitAsync(heartbeatInterval, time, cancellationToken);
                }
                catch (TimeoutException)
                {
                    await writeHeartbeat(cancellationToken);
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
        }
    }
}
