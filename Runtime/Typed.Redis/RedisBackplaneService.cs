using Microsoft.Extensions.Hosting;
using Typed.Server;

namespace Typed.Redis;

/// <summary>Starts the backplane with the application and stops it with it.</summary>
internal sealed class RedisBackplaneService(RedisBackplane backplane, Listener listener) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The listener attaches itself to the backplane when made: made now, before any envelope arrives.
        GC.KeepAlive(listener);
        return backplane.StartAsync();
    }

    public Task StopAsync(CancellationToken cancellationToken) => backplane.StopAsync();
}
