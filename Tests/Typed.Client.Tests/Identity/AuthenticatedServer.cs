using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Typed.Server;
using Typed.Testing.Identity;

namespace Typed.Client.Tests.Identity;

/// <summary>
/// An echo server whose socket endpoint lets in only authenticated requests (cookie or JWT, by
/// ASP.NET Core's authorization middleware), or with <c>policy</c> only those of an
/// <see cref="AdminsPolicy"/> user, recording the bearer token of every request.
/// </summary>
internal static class AuthenticatedServer
{
    /// <summary>A policy that admits users in the <c>admin</c> role.</summary>
    public const string AdminsPolicy = "admins";

    public static Task<SocketServerHost> StartAsync(ConcurrentQueue<string>? bearers = null, Action<SocketServerOptions>? configure = null, string? policy = null) =>
        SocketServerHost.StartAsync(
            options =>
            {
                ClientTransportTests.AnyOrigin(options);
                configure?.Invoke(options);
            },
            listener => listener.ClientMessage += (client, message) => client.Send(message),
            services: builder => builder.AddTestAuthentication(policies => policies.AddPolicy(AdminsPolicy, admins => admins.RequireRole("admin"))),
            pipeline: app =>
            {
                app.Use((context, next) =>
                {
                    var authorization = context.Request.Headers.Authorization.ToString();
                    if (authorization.StartsWith("Bearer ", StringComparison.Ordinal))
                    {
                        bearers?.Enqueue(authorization["Bearer ".Length..]);
                    }

                    return next(context);
                });
                app.MapTestSignIn();
            },
            endpoint: socket =>
            {
                if (policy is null)
                {
                    socket.RequireAuthorization();
                }
                else
                {
                    socket.RequireAuthorization(policy);
                }
            });

    /// <summary>A provider that issues a new token for <paramref name="userId"/> each time it is asked, and keeps them.</summary>
    public static Func<Task<string?>> Issuing(string userId, ConcurrentQueue<string> issued) => () =>
    {
        // Each lasts a minute longer than the one before, so that no two are alike.
        var token = TestAuthentication.Token(userId, TimeSpan.FromMinutes(5 + issued.Count));
        issued.Enqueue(token);
        return Task.FromResult<string?>(token);
    };
}
