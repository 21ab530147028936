using Microsoft.Extensions.Hosting;

namespace Typed.Server.Hosting;

/// <summary>
/// Stops the listener when the host begins to stop, before any hosted service stops (Kestrel
/// among them), so that what was queued can still be written over the open connections.
/// </summary>
internal sealed class SocketServerShutdown(Listener listener) : IHostedLifecycleService
{
    public Task StoppingAsync(CancellationToken cancellationToken) => listener.StopAsync(cancellationToken);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
