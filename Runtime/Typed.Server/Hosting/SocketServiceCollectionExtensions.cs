using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Typed;
using Typed.Server;
using Typed.Server.Events;
using Typed.Server.Flash;
using Typed.Server.Hosting;
using Typed.Server.Transports;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Typed server in an application's services.</summary>
public static class SocketServiceCollectionExtensions
{
    /// <summary>Adds the Typed server: the <see cref="Listener"/>, its options and the transports.</summary>
    public static IServiceCollection AddSockets(this IServiceCollection services, Action<SocketServerOptions>? configure = null)
    {
        var options = services.AddOptions<SocketServerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Listener>();
        services.TryAddScoped(_ => new CurrentClient { Client = Listener.Dispatching });
        services.TryAddScoped(provider => provider.GetRequiredService<CurrentClient>().Client
            ?? throw new InvalidOperationException("A Client is only available to event handlers."));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, WebSocketsStartupFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServerTransport, WebSocketTransport>(_ => new WebSocketTransport()));
        services.AddSingleton<IServerTransport>(_ => new WebSocketTransport(TransportNames.FlashSocket));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SocketServerShutdown>());
        services.TryAddSingleton<FlashPolicyServer>();
        services.AddHostedService(provider => provider.GetRequiredService<FlashPolicyServer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServerTransport, ServerEventsTransport>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServerTransport, HtmlFileTransport>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServerTransport, XhrMultipartTransport>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServerTransport, XhrPollingTransport>());
        return services;
    }

    /// <summary>WebSocket upgrades need ASP.NET Core's WebSockets middleware ahead of the endpoints.</summary>
    private sealed class WebSocketsStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseWebSockets();
            next(app);
        };
    }
}
