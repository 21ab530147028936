using Microsoft.Extensions.Hosting;
using Typed.Server;

namespace Typed.Redis;

/// <summary>Starts the backplanes (the default endpoint's and every other's) with the application and stops them with it.</summary>
internal sealed class RedisBackplaneService(RedisBackplane backplane, RedisBackplaneFactory endpoints, Listener listener) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The listener attaches itself to the backplane when made: made now, before any envelope arrives.
        GC.KeepAlive(listener);
        return Task.WhenAll(backplane.StartAsync(), endpoints.StartAsync());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.WhenAll(backplane.StopAsync(), endpoints.StopAsync());
}
