namespace Typed.LoadBenchmark.Clients;

/// <summary>
/// A client's own handle on one connection pool that every client of the run shares: disposing it,
/// as a SignalR connection disposes its HTTP client's handler, leaves the pool to the others.
/// </summary>
internal sealed class SharedHandler(HttpMessageInvoker shared) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        shared.SendAsync(request, cancellationToken);
}
