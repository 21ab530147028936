using Microsoft.AspNetCore.Http;
using Typed.Buffers;
using Typed.Server.Logging;
using Typed.Server.Sessions;

namespace Typed.Server.Transports;

/// <summary>
/// <c>xhr-polling</c>: each GET is held until there is something to send (answered at once with
/// everything queued, as one frame) or until <c>duration</c> passes (answered 200, empty). The
/// client polls again straight away; between polls the session queues.
/// </summary>
/// <remarks>
/// A poll that hangs on the way (a proxy that accepts it and never answers) looks to the client
/// like a poll the server holds until <c>duration</c> has passed, so a polling session waits that
/// long for its next poll and more (see <see cref="ResolvedTransportOptions"/>).
/// </remarks>
internal sealed class XhrPollingTransport : IServerTransport
{
    public string Name => TransportNames.XhrPolling;

    public ResolvedTransportOptions Defaults(SocketServerOptions options) =>
        new(CloseTimeout: options.Timeout, HeartbeatInterval: TimeSpan.FromSeconds(20), Duration: TimeSpan.FromSeconds(20), NoticedBySilence: true);

    public async Task HandleAsync(DownstreamRequest request)
    {
        var context = request.Context;
        using var downstream = await request.AttachAsync();
        if (downstream is null)
        {
            return;
        }

        var session = downstream.Session;

        var taken = downstream.TakeBatch() ?? (request.AnswerAtOnce ? null : await WaitForBatchAsync(request, downstream));
        if (context.RequestAborted.IsCancellationRequested)
        {
            if (taken is { } unsent)
            {
                downstream.Undelivered(unsent);
            }

            Log.DownstreamEnded(request.Logger, session.SessionId, "the poll was aborted");
            return;
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/plain; charset=UTF-8";
        response.Headers.CacheControl = "no-store";
        if (taken is not { } batch)
        {
            response.ContentLength = 0;
            return;
        }

        using var scratch = new PooledBufferWriter();
        var frame = batch.Encode(scratch);
        response.ContentLength = frame.Length;
        try
        {
            await response.Body.WriteAsync(frame, context.RequestAborted);
            await response.Body.FlushAsync(context.RequestAborted);
            downstream.Delivered(batch);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            downstream.Undelivered(batch);
            Log.DownstreamEnded(request.Logger, session.SessionId, "the poll's answer could not be written");
        }
    }

    private static async Task<OutgoingBatch?> WaitForBatchAsync(DownstreamRequest request, Downstream downstream)
    {
        // Held until something is queued, long enough, superseded by a newer poll, or the client
        // went away: whichever, what is queued is taken. Each of them wakes the wait (a newer poll
        // and the session's end through the downstream); the duration is a timer on the listener's
        // wheel, not one of the poll's own. An idle poll is the transport's heartbeat: no exception.
        var hold = new HeldPoll(request.Listener.Timers, downstream.Session);
        hold.Timer.Schedule(request.Options.Duration);
        using (request.Context.RequestAborted.UnsafeRegister(HeldPoll.End, hold))
        {
            while (true)
            {
                var waiting = downstream.WaitAsync();
                if (waiting.IsCompleted || hold.IsOver)
                {
                    break;
                }

                await waiting;
            }
        }

        hold.Timer.Cancel();
        return downstream.TakeBatch();
    }

    /// <summary>One held poll: over once its duration has passed or its client went away.</summary>
    private sealed class HeldPoll
    {
        public static readonly Action<object?> End = static state => ((HeldPoll)state!).Ended();

        private readonly Session _session;
        private volatile bool _over;

        public HeldPoll(Timing.TimingWheel timers, Session session)
        {
            _session = session;
            Timer = timers.CreateTimer(End, this);
        }

        public Timing.WheelTimer Timer { get; }

        public bool IsOver => _over;

        private void Ended()
        {
            _over = true;
            _session.WakeDownstream();
        }
    }
}
