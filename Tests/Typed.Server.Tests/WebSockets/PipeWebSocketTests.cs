using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Typed.Server.Transports.WebSockets;

namespace Typed.Server.Tests.WebSockets;

/// <summary>
/// The server's RFC 6455 end on its own, over in-memory pipes: what a client's frames become,
/// what the server writes back, and how it answers frames the RFC does not allow. End to end over
/// Kestrel it is every websocket test of the suite.
/// </summary>
public sealed class PipeWebSocketTests : IDisposable
{
    private readonly Pipe _fromClient = new();
    private readonly Pipe _toClient = new();
    private readonly PipeWebSocket _socket;
    private int _aborted;

    public PipeWebSocketTests()
    {
        _socket = new PipeWebSocket(new DuplexPipe(_fromClient.Reader, _toClient.Writer), () => Interlocked.Increment(ref _aborted), TimeProvider.System);
    }

    public void Dispose() => _socket.Dispose();

    [Fact]
    public async Task A_masked_text_message_is_read_unmasked_and_whole()
    {
        await ClientSendsAsync(Frame(0x1, "hello, world ünïcødé"u8.ToArray()));

        var (type, text) = await ReceiveMessageAsync(bufferSize: 4096);

        Assert.Equal((WebSocketMessageType.Text, "hello, world ünïcødé"), (type, text));
    }

    [Fact]
    public async Task A_message_longer_than_the_buffer_comes_in_pieces_the_last_ending_it()
    {
        var text = string.Concat(Enumerable.Repeat("0123456789", 30));
        await ClientSendsAsync(Frame(0x1, Encoding.UTF8.GetBytes(text)));

        var buffer = new byte[64];
        var pieces = new List<ValueWebSocketReceiveResult>();
        var received = new StringBuilder();
        do
        {
            pieces.Add(await _socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None).AsTask().Within());
            received.Append(Encoding.UTF8.GetString(buffer, 0, pieces[^1].Count));
        }
        while (!pieces[^1].EndOfMessage);

        Assert.Equal(text, received.ToString());
        Assert.Equal(5, pieces.Count);
        Assert.All(pieces[..^1], piece => Assert.Equal(64, piece.Count));
    }

    [Fact]
    public async Task A_fragmented_message_is_joined_and_a_ping_between_its_fragments_is_answered()
    {
        // "é" is split between the two fragments: each half alone is not UTF-8.
        var bytes = Encoding.UTF8.GetBytes("café au lait");
        await ClientSendsAsync([.. Frame(0x1, bytes[..4], final: false), .. Frame(0x9, "are you there"u8.ToArray()), .. Frame(0x0, bytes[4..])]);

        var (type, text) = await ReceiveMessageAsync(bufferSize: 4096);

        Assert.Equal((WebSocketMessageType.Text, "café au lait"), (type, text));
        var pong = await ServerFrameAsync();
        Assert.Equal((0x8A, "are you there"), (pong.First, Encoding.UTF8.GetString(pong.Payload)));
    }

    [Fact]
    public async Task Invalid_utf8_in_a_text_message_is_closed_with_1007()
    {
        await ClientSendsAsync(Frame(0x1, [(byte)'a', 0xC3, 0x28]));

        var failure = await Assert.ThrowsAsync<WebSocketException>(() => ReceiveMessageAsync(bufferSize: 4096));

        Assert.Equal(WebSocketError.Faulted, failure.WebSocketErrorCode);
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, await ServerCloseStatusAsync());
        Assert.Equal(1, _aborted);
    }

    [Fact]
    public async Task A_four_byte_character_split_over_three_fragments_is_read_whole()
    {
        var bytes = Encoding.UTF8.GetBytes("a𝄞b"); // 'a', four bytes, 'b'
        await ClientSendsAsync([.. Frame(0x1, bytes[..2], final: false), .. Frame(0x0, bytes[2..4], final: false), .. Frame(0x0, bytes[4..])]);

        Assert.Equal((WebSocketMessageType.Text, "a𝄞b"), await ReceiveMessageAsync(bufferSize: 4096));
    }

    [Theory]
    [InlineData(new byte[] { 0xED, 0xA0 }, new byte[] { 0x80 })] // a surrogate, U+D800, begun in one fragment
    [InlineData(new byte[] { 0xE0, 0x80 }, new byte[] { 0x80 })] // an overlong form of U+0000
    [InlineData(new byte[] { 0xE2 }, new byte[] { 0x28, 0xA1 })] // a lead byte whose next byte is no continuation
    public async Task A_character_split_between_fragments_that_cannot_be_utf8_is_closed_with_1007(byte[] first, byte[] second)
    {
        await ClientSendsAsync([.. Frame(0x1, first, final: false), .. Frame(0x0, second)]);

        await Assert.ThrowsAsync<WebSocketException>(() => ReceiveMessageAsync(bufferSize: 4096));

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, await ServerCloseStatusAsync());
    }

    [Fact]
    public async Task A_text_message_ending_inside_a_character_is_closed_with_1007()
    {
        await ClientSendsAsync(Frame(0x1, [(byte)'a', 0xE2, 0x82]));

        await Assert.ThrowsAsync<WebSocketException>(() => ReceiveMessageAsync(bufferSize: 4096));

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, await ServerCloseStatusAsync());
    }

    [Theory]
    [InlineData("unmasked")]
    [InlineData("reserved bit")]
    [InlineData("continuation first")]
    [InlineData("fragmented ping")]
    [InlineData("unknown opcode")]
    public async Task A_frame_the_rfc_forbids_is_closed_with_1002(string fault)
    {
        byte[] frame = fault switch
        {
            "unmasked" => [0x81, 0x02, (byte)'h', (byte)'i'],
            "reserved bit" => [.. Frame(0x1, "hi"u8.ToArray(), reserved: 0x40)],
            "continuation first" => [.. Frame(0x0, "hi"u8.ToArray())],
            "fragmented ping" => [.. Frame(0x9, "hi"u8.ToArray(), final: false)],
            _ => [.. Frame(0x3, "hi"u8.ToArray())],
        };
        await ClientSendsAsync(frame);

        var failure = await Assert.ThrowsAsync<WebSocketException>(() => ReceiveMessageAsync(bufferSize: 4096));

        Assert.Equal(WebSocketError.Faulted, failure.WebSocketErrorCode);
        Assert.Equal(WebSocketCloseStatus.ProtocolError, await ServerCloseStatusAsync());
    }

    [Fact]
    public async Task The_client_closing_is_read_with_its_status_and_answered_by_the_server_close()
    {
        var body = new byte[2 + 7];
        BinaryPrimitives.WriteUInt16BigEndian(body, 4000);
        "leaving"u8.CopyTo(body.AsSpan(2));
        await ClientSendsAsync(Frame(0x8, body));

        var result = await _socket.ReceiveAsync(new byte[16].AsMemory(), CancellationToken.None).AsTask().Within();
        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal(((WebSocketCloseStatus)4000, "leaving", WebSocketState.CloseReceived), (_socket.CloseStatus, _socket.CloseStatusDescription, _socket.State));

        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).Within();
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await ServerCloseStatusAsync());
        Assert.Equal(WebSocketState.Closed, _socket.State);
    }

    [Fact]
    public async Task A_close_without_a_status_reads_as_a_normal_closure()
    {
        await ClientSendsAsync(Frame(0x8, []));

        await _socket.ReceiveAsync(new byte[16].AsMemory(), CancellationToken.None).AsTask().Within();

        Assert.Equal(WebSocketCloseStatus.NormalClosure, _socket.CloseStatus);
    }

    [Fact]
    public async Task A_close_carrying_1005_as_the_framework_client_sends_for_no_status_is_read()
    {
        await ClientSendsAsync(Frame(0x8, [0x03, 0xED]));

        var result = await _socket.ReceiveAsync(new byte[16].AsMemory(), CancellationToken.None).AsTask().Within();

        Assert.Equal((WebSocketMessageType.Close, WebSocketCloseStatus.Empty), (result.MessageType, _socket.CloseStatus));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(125)]
    [InlineData(126)]
    [InlineData(70_000)]
    public async Task A_message_sent_is_one_unmasked_frame_with_its_length(int length)
    {
        var payload = Enumerable.Range(0, length).Select(i => (byte)('a' + (i % 26))).ToArray();

        // A big frame fills the pipe: it is read while it is being sent.
        var sending = _socket.SendAsync(payload.AsMemory(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).AsTask();
        var frame = await ServerFrameAsync();
        await sending.Within();

        Assert.Equal(0x81, frame.First);
        Assert.Equal(payload, frame.Payload);
    }

    [Fact]
    public async Task The_peer_going_away_without_a_close_fails_the_read()
    {
        await ClientSendsAsync(Frame(0x1, "half"u8.ToArray())[..5]);
        await _fromClient.Writer.CompleteAsync();

        var failure = await Assert.ThrowsAsync<WebSocketException>(() => ReceiveMessageAsync(bufferSize: 4096));

        Assert.Equal(WebSocketError.ConnectionClosedPrematurely, failure.WebSocketErrorCode);
    }

    [Fact]
    public async Task A_wanted_ping_goes_right_after_the_next_frame_once_and_never_after_a_close()
    {
        _socket.WantPing();
        await _socket.SendAsync("a"u8.ToArray().AsMemory(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).AsTask().Within();
        await _socket.SendAsync("b"u8.ToArray().AsMemory(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).AsTask().Within();
        _socket.WantPing();
        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).Within();
        _toClient.Writer.Complete();

        List<(int First, byte[] Payload)> frames = [];
        while (frames.Count < 4 && await NextServerFrameAsync() is { } frame)
        {
            frames.Add(frame);
        }

        Assert.Equal([0x81, 0x89, 0x81, 0x88], frames.Select(f => f.First));
        Assert.Empty(frames[1].Payload);
    }

    [Fact]
    public async Task Any_frame_from_the_peer_a_pong_included_marks_it_heard()
    {
        var time = new FakeTimeProvider();
        var fromClient = new Pipe();
        using var socket = new PipeWebSocket(new DuplexPipe(fromClient.Reader, new Pipe().Writer), () => { }, time);
        var opened = socket.LastHeard;

        time.Advance(TimeSpan.FromSeconds(5));
        await fromClient.Writer.WriteAsync(Frame(0xA, []));
        await fromClient.Writer.WriteAsync(Frame(0x1, "after the pong"u8.ToArray()));
        var received = await socket.ReceiveAsync(new byte[64].AsMemory(), CancellationToken.None).AsTask().Within();

        Assert.Equal(WebSocketMessageType.Text, received.MessageType);
        Assert.Equal(opened + TimeSpan.FromSeconds(5).Ticks, socket.LastHeard);
    }

    private async Task ClientSendsAsync(byte[] bytes)
    {
        await _fromClient.Writer.WriteAsync(bytes).AsTask().Within();
    }

    private async Task<(WebSocketMessageType Type, string Text)> ReceiveMessageAsync(int bufferSize)
    {
        var buffer = new byte[bufferSize];
        var message = new List<byte>();
        ValueWebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None).AsTask().Within();
            message.AddRange(buffer.AsSpan(0, result.Count));
        }
        while (!result.EndOfMessage);

        return (result.MessageType, Encoding.UTF8.GetString([.. message]));
    }

    /// <summary>The next frame the server wrote: its first byte (FIN and opcode) and its payload, checked to be unmasked.</summary>
    private async Task<(int First, byte[] Payload)> ServerFrameAsync()
    {
        while (true)
        {
            var read = await _toClient.Reader.ReadAsync().AsTask().Within();
            var bytes = read.Buffer.ToArray();
            if (bytes.Length >= 2)
            {
                Assert.Equal(0, bytes[1] & 0x80);
                var code = bytes[1] & 0x7F;
                var (header, length) = code switch
                {
                    126 => (4, (long)BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(2))),
                    127 => (10, (long)BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(2))),
                    _ => (2, (long)code),
                };
                if (bytes.Length >= header + length)
                {
                    _toClient.Reader.AdvanceTo(read.Buffer.GetPosition(header + length));
                    return (bytes[0], bytes[header..(int)(header + length)]);
                }
            }

            _toClient.Reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    /// <summary>The next frame the server wrote, or null once its side of the pipe is complete and read.</summary>
    private async Task<(int First, byte[] Payload)?> NextServerFrameAsync()
    {
        var read = await _toClient.Reader.ReadAsync().AsTask().Within();
        if (read.Buffer.IsEmpty && read.IsCompleted)
        {
            return null;
        }

        _toClient.Reader.AdvanceTo(read.Buffer.Start);
        return await ServerFrameAsync();
    }

    private async Task<WebSocketCloseStatus> ServerCloseStatusAsync()
    {
        var frame = await ServerFrameAsync();
        Assert.Equal(0x88, frame.First);
        return (WebSocketCloseStatus)BinaryPrimitives.ReadUInt16BigEndian(frame.Payload);
    }

    /// <summary>A client frame: masked with a fixed key, as RFC 6455 requires of clients.</summary>
    private static byte[] Frame(int opcode, byte[] payload, bool final = true, byte reserved = 0)
    {
        var frame = new List<byte> { (byte)((final ? 0x80 : 0) | reserved | opcode) };
        if (payload.Length <= 125)
        {
            frame.Add((byte)(0x80 | payload.Length));
        }
        else
        {
            frame.Add(0x80 | 126);
            frame.Add((byte)(payload.Length >> 8));
            frame.Add((byte)payload.Length);
        }

        byte[] key = [0x12, 0x34, 0x56, 0x78];
        frame.AddRange(key);
        frame.AddRange(payload.Select((b, i) => (byte)(b ^ key[i % 4])));
        return [.. frame];
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
