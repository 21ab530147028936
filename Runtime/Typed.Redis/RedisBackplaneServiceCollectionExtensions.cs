using Microsoft.Extensions.DependencyInjection.Extensions;
using Typed.Redis;
using Typed.Server.ScaleOut;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Joins this server to others through Redis.</summary>
public static class RedisBackplaneServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Redis backplane: broadcasts reach every node's clients, <c>Listener.SendAsync</c>
    /// reaches a session on any node, and <c>Listener.Cluster</c> counts and lists every node's
    /// clients: <c>services.AddSockets().AddRedisBackplane(...)</c>. Every mapped endpoint spans
    /// the nodes, each apart from the others.
    /// </summary>
    public static ISocketsBuilder AddRedisBackplane(this ISocketsBuilder builder, Action<RedisBackplaneOptions>? configure = null)
    {
        var services = builder.Services;
        var options = services.AddOptions<RedisBackplaneOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<RedisBackplane>();
        services.TryAddSingleton<IBackplane>(provider => provider.GetRequiredService<RedisBackplane>());
        services.TryAddSingleton<RedisBackplaneFactory>();
        services.TryAddSingleton<IBackplaneFactory>(provider => provider.GetRequiredService<RedisBackplaneFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, RedisBackplaneService>());
        return builder;
    }
}
