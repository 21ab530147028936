using System.Net;

namespace Typed.Client.Transports;

/// <summary>
/// <c>xhr-polling</c>: a GET held by the server until it has something to send; polled again at
/// once after every answer. Each poll tells the server what has been received.
/// </summary>
internal sealed class XhrPollingClientTransport(TransportContext context, IFrameSink sink) : ClientTransport(context, sink)
{
    public override string Name => TransportNames.XhrPolling;

    public override bool AcknowledgesDownstream => true;

    public override async Task OpenAsync(string? sessionId, CancellationToken cancellationToken)
    {
        if (sessionId is null)
        {
            // The first poll opens the session; its answer is the handshake.
            using var opening = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Stopping);
            await PollAsync(null, opening.Token);
        }

        _ = PollForeverAsync();
    }

    public override ValueTask<long?> SendAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        new(HttpUpstream.SendAsync(Context, Name, Sink.SessionId!, payload, cancellationToken));

    private async Task PollForeverAsync()
    {
        try
        {
            while (!Stopping.IsCancellationRequested)
            {
                await PollAsync(Sink.SessionId, Stopping);
            }
        }
        catch (Exception e)
        {
            Complete(e);
        }
    }

    private async Task PollAsync(string? sessionId, CancellationToken cancellationToken)
    {
        using var request = Context.Request(HttpMethod.Get, Context.Downstream(Name, sessionId, Sink.CurrentAck, webSocket: false, timestamp: true));
        using var response = await Context.Http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound && sessionId is not null)
        {
            throw new SessionExpiredException(sessionId);
        }

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        Heard();
        if (body.Length > 0)
        {
            Sink.OnFrame(body);
        }
    }
}
