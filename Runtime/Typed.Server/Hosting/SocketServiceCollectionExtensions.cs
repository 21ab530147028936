using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Typed;
using Typed.Framing;
using Typed.Server;
using Typed.Server.Events;
using Typed.Server.Flash;
using Typed.Server.Hosting;
using Typed.Server.Identity;
using Typed.Server.Transports;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Typed server in an application's services.</summary>
public static class SocketServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Typed server: the <see cref="Listener"/>, its options and the transports. Calling it
    /// again (from another library, say) only applies <paramref name="configure"/> too.
    /// </summary>
    public static ISocketsBuilder AddSockets(this IServiceCollection services, Action<SocketServerOptions>? configure = null)
    {
        var options = services.AddOptions<SocketServerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        var builder = new SocketsBuilder(services);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(SocketsBuilder)))
        {
            return builder;
        }

        services.AddSingleton(builder);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Listener>();
        services.TryAddSingleton<IUserIdProvider, NameIdentifierUserIdProvider>();
        services.TryAddSingleton<SocketEndpoints>();
        services.AddKeyedSingleton(KeyedService.AnyKey, static (provider, key) =>
            provider.GetRequiredService<SocketEndpoints>().Get(key as string ?? throw new InvalidOperationException("Listeners are keyed by their resource, a string.")));
        services.TryAddScoped(_ => new CurrentClient { Client = Listener.Dispatching });
        services.TryAddScoped(provider => provider.GetRequiredService<CurrentClient>().Client
            ?? throw new InvalidOperationException("A Client is only available to event handlers."));
        services.AddSingleton<IServerTransport>(_ => new WebSocketTransport());
        services.AddSingleton<IServerTransport>(_ => new WebSocketTransport(TransportNames.FlashSocket));
        services.AddSingleton<IServerTransport, ServerEventsTransport>();
        services.AddSingleton<IServerTransport, HtmlFileTransport>();
        services.AddSingleton<IServerTransport, XhrMultipartTransport>();
        services.AddSingleton<IServerTransport, XhrPollingTransport>();
        services.AddHostedService<SocketServerShutdown>();
        services.TryAddSingleton<FlashPolicyServer>();
        services.AddHostedService(provider => provider.GetRequiredService<FlashPolicyServer>());
        return builder;
    }

    /// <summary>
    /// Offers <paramref name="codec"/> to peers that ask for it on their WebSocket connection
    /// (<c>?codec=</c> its name): <c>AddFrameCodec(new MessagePackFrameCodec())</c>, say.
    /// </summary>
    public static ISocketsBuilder AddFrameCodec(this ISocketsBuilder builder, IFrameCodec codec)
    {
        builder.Services.AddSingleton(codec);
        return builder;
    }

    private sealed class SocketsBuilder(IServiceCollection services) : ISocketsBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
