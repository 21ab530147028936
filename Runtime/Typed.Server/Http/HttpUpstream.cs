using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Typed.Buffers;
using Typed.Framing;
using Typed.Server.Logging;
using Typed.Server.Sessions;

namespace Typed.Server.Http;

/// <summary>
/// <c>POST /{resource}/{transport}/{sessionid}/send</c>: the upstream of every HTTP transport.
/// The body is a form with one field, <c>data</c>, holding the URL-encoded payload array.
/// </summary>
internal sealed class HttpUpstream(SocketServerOptions options, ILogger logger) : IUpstream
{
    /// <summary>The answer to the <c>POST</c> carries the acknowledgement (<c>{"ack":N}</c>).</summary>
    public bool AcknowledgesInFrame => false;

    /// <summary>Uploads hand over in the background, never inline: nothing to do.</summary>
    public void KeepReadingElsewhere()
    {
    }

    // URL-encoding can triple a payload; a little more for the field name and separators.
    private long MaxBodySize => (3L * options.MaxMessageSize) + 64;

    public async Task ReceiveAsync(HttpContext context, Session session)
    {
        var request = context.Request;
        if (request.ContentType is { Length: > 0 } contentType
            && !contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            await RefuseAsync(context, session, StatusCodes.Status415UnsupportedMediaType, "the body must be application/x-www-form-urlencoded");
            return;
        }

        if (request.ContentLength > MaxBodySize)
        {
            await RefuseAsync(context, session, StatusCodes.Status413PayloadTooLarge, "the body is over the size limit");
            return;
        }

        using var body = new PooledBufferWriter((int)Math.Min(request.ContentLength ?? 4096, MaxBodySize));
        bool whole;
        try
        {
            whole = await TryReadBodyAsync(request, body, context.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own limits: a body trickled below the minimum rate, a broken chunked encoding.
            await RefuseAsync(context, session, e.StatusCode, e.Message);
            return;
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            Log.PayloadRefused(logger, session.SessionId, "the connection ended before the body did");
            return;
        }

        if (!whole)
        {
            await RefuseAsync(context, session, StatusCodes.Status413PayloadTooLarge, "the body is over the size limit");
            return;
        }

        // The decoded payload is an array of its own: the messages keep slices of it.
        ReadOnlyMemory<byte> payloadBytes;
        try
        {
            if (!FormField.TryDecode(body.WrittenSpan, "data"u8, out payloadBytes))
            {
                await RefuseAsync(context, session, StatusCodes.Status400BadRequest, "the body has no data field");
                return;
            }
        }
        catch (FormatException e)
        {
            await RefuseAsync(context, session, StatusCodes.Status400BadRequest, e.Message);
            return;
        }

        if (payloadBytes.Length > options.MaxMessageSize)
        {
            await RefuseAsync(context, session, StatusCodes.Status413PayloadTooLarge, "the payload is over the size limit");
            return;
        }

        ClientPayloadContent payload;
        try
        {
            payload = ClientPayload.ParseContent(payloadBytes, session.Acknowledged);
        }
        catch (ProtocolFormatException e)
        {
            await RefuseAsync(context, session, StatusCodes.Status400BadRequest, e.Message);
            return;
        }

        session.Heard();
        await session.WaitForRoomAsync();
        var received = session.Accept(payload, this);

        // Not on this request: a handler that blocks must not hold up the client's next upload,
        // which may carry the answer it waits for (and may come on this same connection).
        session.HandOverInBackground();
        await AnswerAsync(context, session.Acknowledged, received);
    }

    /// <summary><c>200 ok</c>; with acknowledged delivery, what has been received: <c>{"ack":N}</c>.</summary>
    private static async Task AnswerAsync(HttpContext context, bool acknowledged, long received)
    {
        if (!acknowledged)
        {
            await HttpResponses.WriteOkAsync(context);
            return;
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        var answer = System.Text.Encoding.UTF8.GetBytes($"{{\"ack\":{received}}}");
        response.ContentType = "application/json";
        response.ContentLength = answer.Length;
        await response.Body.WriteAsync(answer, context.RequestAborted);
    }

    private async Task<bool> TryReadBodyAsync(HttpRequest request, PooledBufferWriter body, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await request.Body.ReadAsync(body.GetMemory(8192), cancellationToken);
            if (read == 0)
            {
                return true;
            }

            body.Advance(read);
            if (body.WrittenCount > MaxBodySize)
            {
                return false;
            }
        }
    }

    private Task RefuseAsync(HttpContext context, Session session, int status, string reason)
    {
        Log.PayloadRefused(logger, session.SessionId, reason);
        return HttpResponses.WriteErrorAsync(context, status, reason);
    }
}
