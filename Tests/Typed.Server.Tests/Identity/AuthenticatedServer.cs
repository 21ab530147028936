using Microsoft.AspNetCore.Builder;
using Typed.Testing.Identity;

namespace Typed.Server.Tests.Identity;

/// <summary>An echo server whose socket endpoint requires an authenticated user, by cookie or JWT.</summary>
internal static class AuthenticatedServer
{
    public static Task<SocketServerHost> StartAsync(Action<SocketServerOptions>? configure = null, Action<Listener>? setup = null, Action<IEndpointConventionBuilder>? endpoint = null) =>
        SocketServerHost.StartAsync(
            configure,
            listener =>
            {
                listener.ClientMessage += (client, message) => client.Send(message);
                setup?.Invoke(listener);
            },
            services: builder => builder.AddTestAuthentication(policies => policies.AddPolicy("editors", policy => policy.RequireRole("editor"))),
            pipeline: app => app.MapTestSignIn(),
            endpoint: endpoint ?? (builder => builder.RequireAuthorization()));
}
