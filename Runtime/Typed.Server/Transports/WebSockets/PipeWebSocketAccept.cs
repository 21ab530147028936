using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Typed.Server.Transports.WebSockets;

/// <summary>
/// The server's side of the RFC 6455 opening handshake, for an HTTP/1.1 upgrade on Kestrel: the
/// <c>101</c> with <c>Sec-WebSocket-Accept</c>, then a <see cref="PipeWebSocket"/> on the
/// connection's own pipes. Other hosts (an in-memory test server, WebSockets over HTTP/2) keep the
/// framework's WebSocket.
/// </summary>
internal static class PipeWebSocketAccept
{
    private static readonly byte[] AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"u8.ToArray();

    /// <summary>Whether the request can be upgraded to a <see cref="PipeWebSocket"/>; it has been checked to be a WebSocket request.</summary>
    public static bool CanAccept(HttpContext context) =>
        context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true }
        && context.Features.Get<IConnectionTransportFeature>() is not null;

    public static async Task<PipeWebSocket> AcceptAsync(HttpContext context, TimeProvider time)
    {
        var response = context.Response;
        response.Headers.Upgrade = "websocket";
        response.Headers.Connection = "Upgrade";
        response.Headers.SecWebSocketAccept = AcceptFor(context.Request.Headers.SecWebSocketKey.ToString());
        await context.Features.Get<IHttpUpgradeFeature>()!.UpgradeAsync();

        // Once the 101 is out, the connection's pipes are the WebSocket's: HTTP has no more to say on it.
        return new PipeWebSocket(context.Features.Get<IConnectionTransportFeature>()!.Transport, context.Abort, time);
    }

    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "RFC 6455 defines Sec-WebSocket-Accept as the SHA-1 of the key: a checksum of the handshake, not security.")]
    private static string AcceptFor(string key)
    {
        Span<byte> input = stackalloc byte[128];
        var length = Encoding.ASCII.GetBytes(key.AsSpan(0, Math.Min(key.Length, 64)), input);
        AcceptGuid.CopyTo(input[length..]);
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input[..(length + AcceptGuid.Length)], hash);
        return Convert.ToBase64String(hash);
    }
}
