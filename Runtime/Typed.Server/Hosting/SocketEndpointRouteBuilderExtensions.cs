using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Typed.Server;
using Typed.Server.Hosting;
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

    /// <summary>
    /// Serves the protocol under <c>/{resource}</c>. Each resource is an endpoint of its own, as a
    /// SignalR hub is: its own sessions, handlers, broadcasts and options (the application's, then
    /// <paramref name="options"/>), and its own <see cref="Listener"/>, which the services give as
    /// <c>[FromKeyedServices("resource")] Listener</c>. The default resource's listener is also the
    /// unkeyed <see cref="Listener"/>. With a backplane, every resource spans the nodes, each apart.
    /// </summary>
    public static IEndpointConventionBuilder MapSockets(this IEndpointRouteBuilder endpoints, string? resource, Action<Listener>? configure = null, Action<SocketServerOptions>? options = null)
    {
        var services = endpoints.ServiceProvider;
        var registry = services.GetService<SocketEndpoints>()
            ?? throw new InvalidOperationException("Call services.AddSockets() before app.MapSockets().");
        var listener = registry.Map(resource ?? registry.DefaultResource, options);
        configure?.Invoke(listener);

        var path = listener.Options.Resource.Trim('/');
        var handler = ActivatorUtilities.CreateInstance<SocketRequestHandler>(services, listener, path);

        // WebSockets for these endpoints only, as MapConnections does for SignalR: the rest of the
        // application keeps its own WebSocket middleware and options, or none, and theirs (allowed
        // origins, say) do not reach these: origins are judged by SocketServerOptions.
        MapBrowserFiles(endpoints, path, handler);
        var pipeline = endpoints.CreateApplicationBuilder();
        pipeline.UseWebSockets(new WebSocketOptions());
        pipeline.Run(handler.HandleAsync);
        return endpoints.Map("/" + path + "/{**path}", pipeline.Build())
            .WithDisplayName("Typed sockets /" + path)
            // Held polls and streams are meant to outlive any request timeout the app sets.
            .DisableRequestTimeout();
    }

    /// <summary>
    /// The browser client and its declarations are endpoints of their own, so that what the app
    /// asks of the protocol's endpoint (<c>RequireAuthorization()</c>, say) does not keep a page
    /// that has yet to sign in from loading the script.
    /// </summary>
    private static void MapBrowserFiles(IEndpointRouteBuilder endpoints, string path, SocketRequestHandler handler)
    {
        string[] files = [Typed.Server.Browser.BrowserClientScript.FileName, Typed.Server.Browser.BrowserClientScript.DebugFileName, Typed.Server.Browser.BrowserDeclarations.FileName];
        foreach (var file in files)
        {
            endpoints.MapMethods("/" + path + "/" + file, [HttpMethods.Get, HttpMethods.Head], handler.HandleAsync)
                .WithDisplayName("Typed browser client /" + path + "/" + file);
        }
    }
}
