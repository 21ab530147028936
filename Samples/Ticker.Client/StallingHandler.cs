namespace Ticker.Client;

/// <summary>
/// Plays a client that stops reading: once stalled, every downstream GET (each long poll) is held
/// here and never reaches the server, so quotes pile up in the server's queue for this session.
/// </summary>
public sealed class StallingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private volatile bool _stalled;

    public void Stall() => _stalled = true;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_stalled && request.Method == HttpMethod.Get)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
