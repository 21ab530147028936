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
        // A new session's first poll is answered with the handshake; a reattaching one asks to be
        // answered at once, so that a poll that hangs on the way fails this attempt within its
        // deadline instead of looking like a held poll for the whole of its duration.
        using var opening = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Stopping);
        await PollAsync(sessionId, opening.Token, answerAtOnce: sessionId is not null);
        _ = PollForeverAsync();
    }

    public override ValueTask<long?> SendAsync(ReadOnlyMemory<byte> payload) =>
        new(HttpUpstream.SendAsync(Context, Name, Sink.SessionId!, payload, Stopping));

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

    private async Task PollAsync(string? sessionId, CancellationToken cancellationToken, bool answerAtOnce = false)
    {
        using var request = Context.Request(HttpMethod.Get, Context.Downstream(Name, sessionId, Sink.CurrentAck, webSocket: false, timestamp: true, answerAtOnce));
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
