using System.Net;

namespace Typed.Client;

/// <summary>Credentials: the access token each connection carries, and the server's refusal of them.</summary>
public sealed partial class Socket
{
    /// <summary>Asks <see cref="SocketOptions.AccessTokenProvider"/> for the token the next connection carries.</summary>
    private async Task RenewAccessTokenAsync(CancellationToken cancellationToken)
    {
        if (_options.AccessTokenProvider is { } provider)
        {
            _context.AccessToken = await provider().WaitAsync(cancellationToken);
        }
    }

    /// <summary>The status (401 or 403) when <paramref name="failure"/> is the server refusing access; null for any other failure.</summary>
    private static HttpStatusCode? Refusal(Exception? failure)
    {
        for (; failure is not null; failure = failure.InnerException)
        {
            if (failure is SocketConnectException connect)
            {
                // It has judged its transports' failures already.
                return connect.StatusCode;
            }

            if (failure is HttpRequestException { StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden } request)
            {
                return request.StatusCode;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a refusal of access ends connecting, no other transport tried: a 401 always does,
    /// and so does a 403, except to a WebSocket upgrade, since a proxy that strips WebSockets
    /// refuses them with 403 too.
    /// </summary>
    private static bool EndsConnecting(string transport, HttpStatusCode status) =>
        status == HttpStatusCode.Unauthorized || transport is not (TransportNames.WebSocket or TransportNames.FlashSocket);
}
