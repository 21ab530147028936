using System.Net;
using System.Text.Json;

namespace Typed.Client.Transports;

/// <summary>
/// <c>POST /{resource}/{transport}/{sessionid}/send</c> with the payload in the form field
/// <c>data</c>: the upstream of every HTTP transport.
/// </summary>
internal static class HttpUpstream
{
    /// <summary>
    /// Posts one payload. The server answers at once, so an answer that has not come within the
    /// upload bound never will (a proxy that hangs): the request is given up with a
    /// <see cref="TimeoutException"/>, as it is when <paramref name="stopping"/> (the transport's
    /// end) comes first, so that no writer waits on it.
    /// </summary>
    public static async Task<long?> SendAsync(TransportContext context, string transport, string sessionId, ReadOnlyMemory<byte> payload, CancellationToken stopping)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var limit = HangBounds.Upload(context.Options.RequestTimeout, payload.Length);
        bound.CancelAfter(limit);
        try
        {
            using var request = context.Request(HttpMethod.Post, context.Send(transport, sessionId));
            request.Content = FormBody.Content(payload.Span);
            using var response = await context.Http.SendAsync(request, bound.Token);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                throw new SessionExpiredException(sessionId);
            }

            response.EnsureSuccessStatusCode();
            var answer = await response.Content.ReadAsByteArrayAsync(bound.Token);
            return ReadAck(answer);
        }
        catch (OperationCanceledException e) when (!stopping.IsCancellationRequested)
        {
            throw new TimeoutException($"The upload over {transport} was not answered within {limit.TotalSeconds:F1} s.", e);
        }
    }

    /// <summary>
    /// <c>POST .../{sessionid}/leave</c>: the session is over. Bounded as an upload is; a server
    /// that cannot be told ends the session after its timeout instead.
    /// </summary>
    public static async Task LeaveAsync(TransportContext context, string transport, string sessionId)
    {
        using var bound = new CancellationTokenSource(context.Options.RequestTimeout);
        using var request = context.Request(HttpMethod.Post, context.Leave(transport, sessionId));
        using var response = await context.Http.SendAsync(request, bound.Token);
    }

    /// <summary>The server answers <c>ok</c>, or <c>{"ack":N}</c> with acknowledged delivery.</summary>
    private static long? ReadAck(byte[] answer)
    {
        if (answer.Length == 0 || answer[0] != (byte)'{')
        {
            return null;
        }

        var reader = new Utf8JsonReader(answer);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isAck = reader.ValueTextEquals("ack"u8);
            reader.Read();
            if (isAck)
            {
                return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : null;
            }

            reader.Skip();
        }

        return null;
    }
}
