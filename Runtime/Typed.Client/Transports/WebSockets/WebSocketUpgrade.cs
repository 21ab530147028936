using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace Typed.Client.Transports.WebSockets;

/// <summary>
/// The opening handshake of RFC 6455, sent through the socket's HTTP handler (so its proxy,
/// certificate and cookie settings apply): on <c>101 Switching Protocols</c> the response's
/// stream is the connection itself.
/// </summary>
internal static class WebSocketUpgrade
{
    private static readonly byte[] AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"u8.ToArray();

    /// <exception cref="HttpRequestException">The server answered with another status (<see cref="HttpRequestException.StatusCode"/>).</exception>
    /// <exception cref="WebSocketException">The answer was a 101 that is not a valid WebSocket acceptance.</exception>
    public static async Task<WebSocketConnection> ConnectAsync(Uri uri, HttpMessageInvoker invoker, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        using var request = new HttpRequestMessage(HttpMethod.Get, uri) { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Headers.TryAddWithoutValidation("Connection", "Upgrade");
        request.Headers.TryAddWithoutValidation("Upgrade", "websocket");
        request.Headers.TryAddWithoutValidation("Sec-WebSocket-Version", "13");
        request.Headers.TryAddWithoutValidation("Sec-WebSocket-Key", key);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await invoker.SendAsync(request, cancellationToken);
        try
        {
            if (response.StatusCode != HttpStatusCode.SwitchingProtocols)
            {
                throw new HttpRequestException($"The server refused the WebSocket upgrade with {(int)response.StatusCode}.", null, response.StatusCode);
            }

            if (!response.Headers.TryGetValues("Sec-WebSocket-Accept", out var accepts) || accepts.SingleOrDefault() != ExpectedAccept(key))
            {
                throw new WebSocketException(WebSocketError.HeaderError, "The server's Sec-WebSocket-Accept does not answer the key.");
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return new WebSocketConnection(stream, response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "RFC 6455 defines Sec-WebSocket-Accept as the SHA-1 of the key: a checksum of the handshake, not security.")]
    private static string ExpectedAccept(string key)
    {
        var keyBytes = Encoding.ASCII.GetBytes(key);
        return Convert.ToBase64String(SHA1.HashData([.. keyBytes, .. AcceptGuid]));
    }
}
