using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Typed.Client.Tests.WebSockets;

/// <summary>
/// A WebSocket server written out by hand over a TCP socket on 127.0.0.1: it answers one upgrade,
/// then sends exactly the frames a test scripts (well-formed or not) and reads the client's frames
/// raw, masks and all.
/// </summary>
internal sealed class ScriptedWebSocketServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private TcpClient? _client;
    private NetworkStream? _stream;

    public ScriptedWebSocketServer()
    {
        _listener.Start();
    }

    public Uri Uri => new($"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/socket");

    /// <summary>Accepts the connection and answers its upgrade with <paramref name="status"/>, and a valid accept key unless told otherwise.</summary>
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "RFC 6455 defines Sec-WebSocket-Accept as the SHA-1 of the key.")]
    public async Task AcceptAsync(string status = "101 Switching Protocols", bool validAccept = true)
    {
        _client = await _listener.AcceptTcpClientAsync();
        _stream = _client.GetStream();
        var request = await ReadHeadAsync(_stream);
        var key = request.Split("\r\n").Single(l => l.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))["Sec-WebSocket-Key:".Length..].Trim();
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
        var response = status.StartsWith("101", StringComparison.Ordinal)
            ? $"HTTP/1.1 {status}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Accept: {(validAccept ? accept : "d3Jvbmcga2V5IGF0IGFsbA==")}\r\n\r\n"
            : $"HTTP/1.1 {status}\r\nContent-Length: 0\r\n\r\n";
        await _stream.WriteAsync(Encoding.ASCII.GetBytes(response));
    }

    /// <summary>Sends one frame: <paramref name="first"/> is the FIN/RSV/opcode byte; the payload is masked when asked.</summary>
    public async Task SendFrameAsync(byte first, byte[] payload, bool masked = false)
    {
        var frame = new List<byte> { first };
        var maskBit = masked ? (byte)0x80 : (byte)0;
        if (payload.Length <= 125)
        {
            frame.Add((byte)(maskBit | payload.Length));
        }
        else if (payload.Length <= ushort.MaxValue)
        {
            frame.Add((byte)(maskBit | 126));
            frame.AddRange([(byte)(payload.Length >> 8), (byte)payload.Length]);
        }
        else
        {
            frame.Add((byte)(maskBit | 127));
            var length = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(length, (ulong)payload.Length);
            frame.AddRange(length);
        }

        if (masked)
        {
            byte[] key = [1, 2, 3, 4];
            frame.AddRange(key);
            frame.AddRange(payload.Select((b, i) => (byte)(b ^ key[i % 4])));
        }
        else
        {
            frame.AddRange(payload);
        }

        await Stream.WriteAsync(frame.ToArray());
    }

    public Task SendBytesAsync(byte[] bytes) => Stream.WriteAsync(bytes).AsTask();

    /// <summary>Reads the client's next frame.</summary>
    public async Task<ClientFrame> ReadFrameAsync()
    {
        var head = await ReadExactlyAsync(2);
        var length = (long)(head[1] & 0x7F);
        if (length == 126)
        {
            length = BinaryPrimitives.ReadUInt16BigEndian(await ReadExactlyAsync(2));
        }
        else if (length == 127)
        {
            length = (long)BinaryPrimitives.ReadUInt64BigEndian(await ReadExactlyAsync(8));
        }

        var masked = (head[1] & 0x80) != 0;
        var key = masked ? await ReadExactlyAsync(4) : [];
        var payload = await ReadExactlyAsync((int)length);
        var unmasked = masked ? payload.Select((b, i) => (byte)(b ^ key[i % 4])).ToArray() : payload;
        return new ClientFrame(head[0], masked, key, unmasked);
    }

    /// <summary>Ends the TCP connection without a closing handshake.</summary>
    public void Drop() => _client?.Dispose();

    public ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _listener.Stop();
        return ValueTask.CompletedTask;
    }

    private NetworkStream Stream => _stream ?? throw new InvalidOperationException("Accept first.");

    private async Task<byte[]> ReadExactlyAsync(int count)
    {
        var bytes = new byte[count];
        await Stream.ReadExactlyAsync(bytes).AsTask().Within();
        return bytes;
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || !head.TakeLast(4).SequenceEqual("\r\n\r\n"u8.ToArray()))
        {
            await stream.ReadExactlyAsync(one).AsTask().Within();
            head.Add(one[0]);
        }

        return Encoding.ASCII.GetString(head.ToArray());
    }
}

/// <summary>A frame as the client sent it, its payload unmasked.</summary>
internal sealed record ClientFrame(byte First, bool Masked, byte[] Key, byte[] Payload)
{
    public int Opcode => First & 0x0F;

    public bool Final => (First & 0x80) != 0;
}
