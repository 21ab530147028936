using Microsoft.Extensions.Hosting;

namespace Typed.Server.Hosting;

/// <summary>
/// Stops every endpoint's listener when the host begins to stop, before any hosted service stops
/// (Kestrel among them), so that what was queued can still be written over the open connections.
/// </summary>
internal sealed class SocketServerShutdown(Listener listener, SocketEndpoints endpoints) : IHostedLifecycleService
{
    public Task StoppingAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(endpoints.Listeners.Append(listener).Distinct().Select(each => each.StopAsync(cancellationToken)));

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
