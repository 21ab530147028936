using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Text.Unicode;
using Typed.Buffers;
using Typed.WebSockets;

namespace Typed.Client.Transports.WebSockets;

/// <summary>Reading: frames from a buffer of the connection's own, control frames handled as they come.</summary>
internal sealed partial class WebSocketConnection
{
    private const int MaxControlPayload = 125;

    private readonly byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;

    /// <summary>
    /// Reads the next whole message into <paramref name="message"/> (appended): its type, or
    /// <see cref="WebSocketMessageType.Close"/> once the server has closed (the close is answered).
    /// </summary>
    /// <exception cref="WebSocketException">The server broke the protocol, or the connection ended without a close.</exception>
    public async ValueTask<WebSocketMessageType> ReceiveAsync(PooledBufferWriter message)
    {
        Opcode? messageType = null;
        while (true)
        {
            await EnsureBufferedAsync(2);
            var first = _buffer[_start];
            var second = _buffer[_start + 1];
            var opcode = (Opcode)(first & 0x0F);
            var final = (first & Final) != 0;
            if ((first & 0x70) != 0 || (second & 0x80) != 0)
            {
                throw Violation("a frame with reserved bits set or masked by the server");
            }

            var headerLength = (second & 0x7F) switch { 126 => 4, 127 => 10, _ => 2 };
            await EnsureBufferedAsync(headerLength);
            var length = (second & 0x7F) switch
            {
                126 => BinaryPrimitives.ReadUInt16BigEndian(_buffer.AsSpan(_start + 2)),
                127 => (long)BinaryPrimitives.ReadUInt64BigEndian(_buffer.AsSpan(_start + 2)),
                var small => small,
            };
            _start += headerLength;

            switch (opcode)
            {
                case Opcode.Ping or Opcode.Pong or Opcode.Close:
                    if (length > MaxControlPayload || !final)
                    {
                        throw Violation("a control frame that is fragmented or longer than 125 bytes");
                    }

                    await EnsureBufferedAsync((int)length);
                    var body = _buffer.AsMemory(_start, (int)length);
                    _start += (int)length;
                    if (opcode == Opcode.Ping)
                    {
                        await SendFrameAsync(Opcode.Pong, body.Span);
                    }
                    else if (opcode == Opcode.Close)
                    {
                        var status = length >= 2 ? (WebSocketCloseStatus)BinaryPrimitives.ReadUInt16BigEndian(body.Span) : WebSocketCloseStatus.Empty;
                        await CloseOutputAsync(status == WebSocketCloseStatus.Empty ? WebSocketCloseStatus.NormalClosure : status, string.Empty);
                        return WebSocketMessageType.Close;
                    }

                    continue;
                case Opcode.Text or Opcode.Binary when messageType is null:
                    messageType = opcode;
                    break;
                case Opcode.Continuation when messageType is not null:
                    break;
                default:
                    throw Violation("a frame out of order or of an unknown kind");
            }

            if (length > int.MaxValue - message.WrittenCount)
            {
                throw Violation("a message too big to hold");
            }

            await ReadPayloadAsync((int)length, message);
            if (final)
            {
                if (messageType == Opcode.Text && !Utf8.IsValid(message.WrittenSpan))
                {
                    throw new WebSocketException(WebSocketError.Faulted, "The server sent a text message that is not valid UTF-8.");
                }

                return messageType == Opcode.Text ? WebSocketMessageType.Text : WebSocketMessageType.Binary;
            }
        }
    }

    // The payload from what is buffered, then straight from the stream into the message.
    private async ValueTask ReadPayloadAsync(int length, PooledBufferWriter message)
    {
        var buffered = Math.Min(length, _end - _start);
        _buffer.AsSpan(_start, buffered).CopyTo(message.GetSpan(buffered));
        message.Advance(buffered);
        _start += buffered;
        length -= buffered;
        while (length > 0)
        {
            var read = await _stream.ReadAsync(message.GetMemory(Math.Min(length, 16 * 1024))[..Math.Min(length, 16 * 1024)]);
            if (read == 0)
            {
                throw Ended();
            }

            message.Advance(read);
            length -= read;
        }
    }

    // At least `count` bytes (at most the buffer's size) buffered from _start.
    private ValueTask EnsureBufferedAsync(int count) =>
        _end - _start >= count ? default : FillAsync(count);

    private async ValueTask FillAsync(int count)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        while (_end < count)
        {
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end));
            if (read == 0)
            {
                throw Ended();
            }

            _end += read;
        }
    }

    private static WebSocketException Violation(string what) =>
        new(WebSocketError.Faulted, $"The server sent {what}.");

    private static WebSocketException Ended() =>
        new(WebSocketError.ConnectionClosedPrematurely, "The connection ended without a closing handshake.");
}
