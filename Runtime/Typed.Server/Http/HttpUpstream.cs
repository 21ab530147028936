using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Typed.Buffers;
using Typed.Framing;
using Typed.Server.Logging;

namespace Typed.Server.Http;

/// <summary>
/// <c>POST /{resource}/{transport}/{sessionid}/send</c>: the upstream of every HTTP transport.
/// The body is a form with one field, <c>data</c>, holding the URL-encoded payload array.
/// </summary>
internal sealed class HttpUpstream(SocketServerOptions options, ILogger logger)
{
    // URL-encoding can triple a payload; a little more for the field name and separators.
    private long MaxBodySize => (3L * options.MaxMessageSize) + 64;

    public async Task ReceiveAsync(HttpContext context, Client client)
    {
        var request = context.Request;
        if (request.ContentType is { Length: > 0 } contentType
            && !contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            await RefuseAsync(context, client, StatusCodes.Status415UnsupportedMediaType, "the body must be application/x-www-form-urlencoded");
            return;
        }

        if (request.ContentLength > MaxBodySize)
        {
            await RefuseAsync(context, client, StatusCodes.Status413PayloadTooLarge, "the body is over the size limit");
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
            await RefuseAsync(context, client, e.StatusCode, e.Message);
            return;
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            Log.PayloadRefused(logger, client.SessionId, "the connection ended before the body did");
            return;
        }

        if (!whole)
        {
            await RefuseAsync(context, client, StatusCodes.Status413PayloadTooLarge, "the body is over the size limit");
            return;
        }

        // The decoded payload is an array of its own: the messages keep slices of it.
        ReadOnlyMemory<byte> payloadBytes;
        try
        {
            if (!FormField.TryDecode(body.WrittenSpan, "data"u8, out payloadBytes))
            {
                await RefuseAsync(context, client, StatusCodes.Status400BadRequest, "the body has no data field");
                return;
            }
        }
        catch (FormatException e)
        {
            await RefuseAsync(context, client, StatusCodes.Status400BadRequest, e.Message);
            return;
        }

        if (payloadBytes.Length > options.MaxMessageSize)
        {
            await RefuseAsync(context, client, StatusCodes.Status413PayloadTooLarge, "the payload is over the size limit");
            return;
        }

        ClientPayloadContent payload;
        try
        {
            payload = ClientPayload.ParseContent(payloadBytes, client.Acknowledged);
        }
        catch (ProtocolFormatException e)
        {
            await RefuseAsync(context, client, StatusCodes.Status400BadRequest, e.Message);
            return;
        }

        client.Heard();
        var received = await client.ReceiveAndAnswerAsync(payload, ackInFrame: false, waitForAnswer: false);
        if (!client.Acknowledged)
        {
            await HttpResponses.WriteOkAsync(context);
            return;
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        // With acknowledged delivery the answer says what has been received: {"ack":N}.
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

    private Task RefuseAsync(HttpContext context, Client client, int status, string reason)
    {
        Log.PayloadRefused(logger, client.SessionId, reason);
        return HttpResponses.WriteErrorAsync(context, status, reason);
    }
}
