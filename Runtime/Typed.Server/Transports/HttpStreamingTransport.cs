using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Typed.Server.Logging;

namespace Typed.Server.Transports;

/// <summary>
/// The shared shape of the kept-open HTTP transports (<c>server-events</c>, <c>htmlfile</c>,
/// <c>xhr-multipart</c>): one long response, one wrapped frame per write, each flushed at once,
/// heartbeats while idle; upstream goes through <c>POST .../send</c>. Each transport only says how
/// its body is laid out.
/// </summary>
internal abstract class HttpStreamingTransport : IServerTransport
{
    public abstract string Name { get; }

    public virtual ResolvedTransportOptions Defaults(SocketServerOptions options) =>
        new(CloseTimeout: options.Timeout, HeartbeatInterval: TimeSpan.FromSeconds(10), Duration: Timeout.InfiniteTimeSpan);

    /// <summary>
    /// The layout for this request (a transport may have flavours, chosen by request headers);
    /// <paramref name="acknowledged"/> for a session of this project's clients, which read more than the 2010 ones.
    /// </summary>
    protected abstract StreamFormat SelectFormat(HttpRequest request, bool acknowledged);

    public async Task HandleAsync(DownstreamRequest request)
    {
        var context = request.Context;
        using var downstream = await request.AttachAsync();
        if (downstream is null)
        {
            return;
        }

        var session = downstream.Session;

        var format = SelectFormat(context.Request, session.Acknowledged);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = format.ContentType;
        // Each frame must reach the client as it is written: no buffering here, in a
        // compression layer, or in a proxy on the way.
        response.Headers.CacheControl = "no-cache, no-store, no-transform";
        response.Headers["X-Accel-Buffering"] = "no";
        response.Headers.ContentEncoding = "identity";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var body = response.BodyWriter;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, downstream.Superseded);
        try
        {
            format.WritePreamble(body);
            await body.FlushAsync(stop.Token);
            await DownstreamPump.RunAsync(
                downstream,
                async (frame, ct) =>
                {
                    format.WriteFrame(body, frame.Span);
                    await body.FlushAsync(ct);
                },
                async ct =>
                {
                    body.Write(format.Heartbeat);
                    await body.FlushAsync(ct);
                },
                request.Options.HeartbeatInterval,
                request.Listener.Timers,
                stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client went away, or a newer downstream took over: either way this one is done.
        }

        Log.DownstreamEnded(request.Logger, session.SessionId, downstream.Superseded.IsCancellationRequested ? "superseded or session over" : "the stream closed");
    }
}
