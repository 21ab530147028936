using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Typed.Server.Hosting;

namespace Typed.Server.Identity;

/// <summary>
/// The bearer token a browser page sends as the <c>access_token</c> query parameter: browsers give
/// WebSockets, event streams and frames no headers of the page's. Read it in the app's JWT setup:
/// <code>
/// options.Events = new JwtBearerEvents
/// {
///     OnMessageReceived = context =>
///     {
///         context.Token ??= SocketAccessToken.FromQuery(context.HttpContext);
///         return Task.CompletedTask;
///     },
/// };
/// </code>
/// A token in a URL can end up in proxies' and servers' request logs: make such tokens short-lived.
/// </summary>
public static class SocketAccessToken
{
    /// <summary>The query parameter the browser client sends its <c>accessToken</c> in.</summary>
    private const string QueryParameter = "access_token";

    /// <summary>
    /// The <c>access_token</c> query value of a request under a mapped socket endpoint; null for
    /// any other path, so that the rest of the application takes tokens from headers only.
    /// </summary>
    public static string? FromQuery(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!request.Query.TryGetValue(QueryParameter, out var values) || string.IsNullOrEmpty(values[0]))
        {
            return null;
        }

        var endpoints = context.RequestServices.GetService<SocketEndpoints>();
        return endpoints is not null && endpoints.Listeners.Any(listener => request.Path.StartsWithSegments("/" + listener.Options.Resource.Trim('/')))
            ? values[0]
            : null;
    }
}
