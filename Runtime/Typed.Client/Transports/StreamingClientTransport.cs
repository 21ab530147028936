using System.Net;

namespace Typed.Client.Transports;

/// <summary>
/// The kept-open HTTP transports (<c>server-events</c>, <c>htmlfile</c>, <c>xhr-multipart</c>):
/// one long GET read as it arrives, <c>POST .../send</c> upstream. Each says only how its body is laid out.
/// </summary>
internal abstract class StreamingClientTransport(TransportContext context, IFrameSink sink) : ClientTransport(context, sink)
{
    private HttpResponseMessage? _response;

    protected abstract StreamFrameReader CreateReader();

    /// <summary>Adds what this transport's request needs (an <c>Accept</c> header, say).</summary>
    protected virtual void Prepare(HttpRequestMessage request)
    {
    }

    public override async Task OpenAsync(string? sessionId, CancellationToken cancellationToken)
    {
        using var request = Context.Request(HttpMethod.Get, Context.Downstream(Name, sessionId, Sink.CurrentAck, webSocket: false));
        Prepare(request);
        using var opening = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Stopping);
        var response = await Context.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, opening.Token);
        if (response.StatusCode == HttpStatusCode.NotFound && sessionId is not null)
        {
            response.Dispose();
            throw new SessionExpiredException(sessionId);
        }

        if (!response.IsSuccessStatusCode)
        {
            response.Dispose();
            throw new HttpRequestException($"The {Name} stream was refused with {(int)response.StatusCode}.", null, response.StatusCode);
        }

        _response = response;
        var body = await response.Content.ReadAsStreamAsync(opening.Token);
        _ = ReadAsync(body, CreateReader());
    }

    public override ValueTask<long?> SendAsync(ReadOnlyMemory<byte> payload) =>
        new(HttpUpstream.SendAsync(Context, Name, Sink.SessionId!, payload, Stopping));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _response?.Dispose();
    }

    private async Task ReadAsync(Stream body, StreamFrameReader reader)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, Stopping)) > 0)
            {
                Heard();
                reader.Feed(buffer.AsSpan(0, read), Sink.OnFrame);
            }

            Complete(new IOException($"The server ended the {Name} stream."));
        }
        catch (Exception e)
        {
            Complete(e);
        }
    }
}
