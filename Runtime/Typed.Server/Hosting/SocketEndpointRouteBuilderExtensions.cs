using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Typed.Server;
using Typed.Server.Http;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Typed server into an application's endpoints.</summary>
public static class SocketEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves the protocol under <c>/{resource}</c> (by default <see cref="SocketServerOptions.Resource"/>);
    /// every other path is left to the rest of the application.
    /// </summary>
    public static IEndpointConventionBuilder MapSockets(this IEndpointRouteBuilder endpoints, Action<Listener>? configure = null) =>
        endpoints.MapSockets(resource: null, configure);

    /// <inheritdoc cref="MapSockets(IEndpointRouteBuilder, Action{Listener}?)"/>
    public static IEndpointConventionBuilder MapSockets(this IEndpointRouteBuilder endpoints, string? resource, Action<Listener>? configure = null)
    {
        var services = endpoints.ServiceProvider;
        var listener = services.GetService<Listener>()
            ?? throw new InvalidOperationException("Call services.AddSockets() before app.MapSockets().");
        resource = (resource ?? services.GetRequiredService<IOptions<SocketServerOptions>>().Value.Resource).Trim('/');
        configure?.Invoke(listener);

        var handler = ActivatorUtilities.CreateInstance<SocketRequestHandler>(services, resource);

        // WebSockets for these endpoints only, as MapConnections does for SignalR: the rest of the
        // application keeps its own WebSocket middleware and options, or none, and theirs (allowed
        // origins, say) do not reach these: origins are judged by SocketServerOptions.
        var pipeline = endpoints.CreateApplicationBuilder();
        pipeline.UseWebSockets(new WebSocketOptions());
        pipeline.Run(handler.HandleAsync);
        return endpoints.Map("/" + resource + "/{**path}", pipeline.Build())
            .WithDisplayName("Typed sockets /" + resource)
            // Held polls and streams are meant to outlive any request timeout the app sets.
            .DisableRequestTimeout();
    }
}
