using System.Net;

namespace Typed.LoadBenchmark.Clients;

/// <summary>
/// One session's heartbeats and its answers to them, counted in its HTTP handler as they cross the
/// wire. On xhr-polling the heartbeat is a poll answered empty, answered by the next poll; on a
/// WebSocket it is the heartbeat frame, and what the client answers is the server's ping (the
/// server drops a peer that leaves its pings unanswered). Each session has one, over a handler
/// that every session shares.
/// </summary>
internal sealed class HeartbeatCounter(HttpMessageHandler shared) : DelegatingHandler(shared)
{
    private int _heartbeats;
    private int _answers;
    private int _unanswered;

    /// <summary>Heartbeat frames read, or polls answered empty.</summary>
    public int Heartbeats => Volatile.Read(ref _heartbeats);

    /// <summary>Pongs written, or polls sent after an empty answer.</summary>
    public int Answers => Volatile.Read(ref _answers);

    public void HeartbeatArrived() => Interlocked.Increment(ref _heartbeats);

    public void Answered() => Interlocked.Increment(ref _answers);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var poll = request.Method == HttpMethod.Get && !request.Headers.Contains("Upgrade");
        if (poll && Interlocked.Exchange(ref _unanswered, 0) == 1)
        {
            Answered();
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.SwitchingProtocols)
        {
            response.Content = new UpgradedContent(response.Content, new CountingWebSocketStream(await response.Content.ReadAsStreamAsync(cancellationToken), this));
        }
        else if (poll && response.IsSuccessStatusCode && response.Content.Headers.ContentLength == 0)
        {
            HeartbeatArrived();
            Volatile.Write(ref _unanswered, 1);
        }

        return response;
    }
}
