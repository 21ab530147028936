using System.Net.Sockets;
using System.Text;

namespace Typed.Server.Tests.Infrastructure;

/// <summary>
/// A TCP connection that speaks HTTP by hand, byte by byte if need be: for requests no HTTP
/// client would send (exact paths, endless headers, trickled bytes).
/// </summary>
public sealed class RawHttpConnection : IDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private RawHttpConnection(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    /// <param name="receiveBuffer">The socket's receive buffer; set small, a client that stops reading is soon full.</param>
    public static async Task<RawHttpConnection> ConnectAsync(Uri server, int? receiveBuffer = null)
    {
        var tcp = new TcpClient { NoDelay = true };
        if (receiveBuffer is { } size)
        {
            tcp.ReceiveBufferSize = size;
        }

        await tcp.ConnectAsync(server.Host, server.Port).Within();
        return new RawHttpConnection(tcp);
    }

    /// <summary>Writes text; false once the server has closed or reset the connection.</summary>
    public async Task<bool> TryWriteAsync(string text)
    {
        try
        {
            await _stream.WriteAsync(Encoding.Latin1.GetBytes(text)).AsTask().Within();
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Sends one request with the exact request target given, and reads the answer's status.</summary>
    public async Task<int?> RequestAsync(string method, string target, string body = "")
    {
        var head = $"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n"
            + (body.Length > 0 ? "Content-Type: application/x-www-form-urlencoded\r\n" : string.Empty)
            + "\r\n";
        await TryWriteAsync(head + body);
        return await ReadStatusAsync();
    }

    /// <summary>Upgrades to a WebSocket (RFC 6455) and reads the answer's status line only.</summary>
    public async Task<int?> UpgradeToWebSocketAsync(string target)
    {
        await TryWriteAsync($"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        return await ReadStatusAsync();
    }

    /// <summary>
    /// The status code of the server's answer, or null when it closed the connection without one.
    /// Reads only the status line: the rest of the answer is left unread.
    /// </summary>
    public async Task<int?> ReadStatusAsync()
    {
        var line = new StringBuilder();
        var one = new byte[1];
        try
        {
            while (await _stream.ReadAsync(one).AsTask().Within() == 1 && one[0] != '\n')
            {
                line.Append((char)one[0]);
            }
        }
        catch (IOException)
        {
            // A reset instead of an answer.
        }

        var parts = line.ToString().Split(' ');
        return parts is [_, var code, ..] && int.TryParse(code, out var status) ? status : null;
    }

    /// <summary>Waits until the server has closed the connection (a read returns nothing or fails).</summary>
    public async Task WaitForCloseAsync()
    {
        var buffer = new byte[4096];
        try
        {
            while (await _stream.ReadAsync(buffer).AsTask().Within() > 0)
            {
            }
        }
        catch (IOException)
        {
        }
    }

    /// <summary>
    /// Reads, and never writes, until the server closes or resets the connection; returns every
    /// byte read. Throws if the server has not closed it <paramref name="within"/>.
    /// </summary>
    public async Task<byte[]> ReadUntilClosedAsync(TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await _stream.ReadAsync(buffer, deadline.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // A reset ends it as well as a close.
        }

        return received.ToArray();
    }

    public void Dispose() => _tcp.Dispose();
}
