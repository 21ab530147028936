using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using Typed.WebSockets;

namespace Typed.Server.Transports.WebSockets;

/// <summary>Reading: data frames copied (and unmasked) into the caller's buffer, control frames handled as they come.</summary>
internal sealed partial class PipeWebSocket
{
    private const int MaxControlPayload = 125;

    private long _remaining;        // payload bytes of the current data frame not yet read
    private bool _inFrame;          // within a data frame's payload
    private bool _finalFrame;       // the current data frame ends its message
    private bool _inMessage;        // a message's first frame has been read, not its last
    private WebSocketMessageType _messageType;
    private uint _mask;
    private int _maskOffset;
    private Utf8Stream _utf8;

    public override Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken) =>
        ReceiveAsync(buffer.AsMemory(), cancellationToken).AsTask().ContinueWith(
            static (t, _) =>
            {
                var result = t.GetAwaiter().GetResult();
                return new WebSocketReceiveResult(result.Count, result.MessageType, result.EndOfMessage);
            },
            null,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    // A read waits for the peer most of the time: the pooling builder reuses its state machine
    // instead of allocating one per message, as the framework's WebSocket does.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (_state is not (WebSocketState.Open or WebSocketState.CloseSent))
        {
            throw new WebSocketException(WebSocketError.InvalidState, $"The WebSocket is {_state}: nothing more can be received.");
        }

        try
        {
            while (true)
            {
                var read = await _input.ReadAsync(cancellationToken);
                var data = read.Buffer;
                if (!_inFrame)
                {
                    if (!FrameHeader.TryRead(data, out var header))
                    {
                        _input.AdvanceTo(data.Start, data.End);
                        ThrowIfEnded(read);
                        continue;
                    }

                    if (header.IsControl)
                    {
                        if (data.Length < header.Length + header.PayloadLength && header.PayloadLength <= MaxControlPayload && header.Final)
                        {
                            _input.AdvanceTo(data.Start, data.End); // the whole control frame first
                            ThrowIfEnded(read);
                            continue;
                        }

                        var closed = await HandleControlFrameAsync(header, data);
                        if (closed)
                        {
                            return new ValueWebSocketReceiveResult(0, WebSocketMessageType.Close, true);
                        }

                        continue;
                    }

                    _input.AdvanceTo(data.GetPosition(header.Length));
                    await StartDataFrameAsync(header);
                    if (header.PayloadLength > 0 || !header.Final)
                    {
                        continue;
                    }

                    // An empty final frame: the message ends here.
                    _inFrame = false;
                    _inMessage = false;
                    return await EndOfEmptyMessageAsync();
                }

                var count = (int)Math.Min(Math.Min(_remaining, data.Length), buffer.Length);
                if (count == 0 && buffer.Length > 0)
                {
                    _input.AdvanceTo(data.Start, data.End);
                    ThrowIfEnded(read);
                    continue;
                }

                var piece = buffer.Span[..count];
                data.Slice(0, count).CopyTo(piece);
                _input.AdvanceTo(data.GetPosition(count));
                Unmask(piece);
                _remaining -= count;
                var endOfMessage = _remaining == 0 && _finalFrame;
                if (_remaining == 0)
                {
                    _inFrame = false;
                }

                if (_messageType == WebSocketMessageType.Text && !_utf8.Append(piece, endOfMessage))
                {
                    await FailAsync(WebSocketCloseStatus.InvalidPayloadData, "The message is not valid UTF-8.");
                }

                if (endOfMessage)
                {
                    _inMessage = false;
                    _utf8.Reset();
                }

                if (count == 0 && !endOfMessage)
                {
                    continue;
                }

                return new ValueWebSocketReceiveResult(count, _messageType, endOfMessage);
            }
        }
        catch (Exception e) when (e is not (WebSocketException or OperationCanceledException))
        {
            throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, e);
        }
    }

    private ValueTask<ValueWebSocketReceiveResult> EndOfEmptyMessageAsync()
    {
        var valid = _messageType != WebSocketMessageType.Text || _utf8.Append([], endOfMessage: true);
        _utf8.Reset();
        return valid
            ? new(new ValueWebSocketReceiveResult(0, _messageType, true))
            : FailAsync<ValueWebSocketReceiveResult>(WebSocketCloseStatus.InvalidPayloadData, "The message is not valid UTF-8.");
    }

    private async ValueTask StartDataFrameAsync(FrameHeader header)
    {
        if (header.Reserved != 0 || !header.Masked)
        {
            await FailAsync(WebSocketCloseStatus.ProtocolError, header.Masked ? "A frame has reserved bits set." : "A client frame is not masked.");
        }

        switch (header.Opcode)
        {
            case Opcode.Continuation when !_inMessage:
                await FailAsync(WebSocketCloseStatus.ProtocolError, "A continuation frame without a message to continue.");
                break;
            case Opcode.Text or Opcode.Binary when _inMessage:
                await FailAsync(WebSocketCloseStatus.ProtocolError, "A new message before the last one ended.");
                break;
            case Opcode.Text or Opcode.Binary:
                _messageType = header.Opcode == Opcode.Text ? WebSocketMessageType.Text : WebSocketMessageType.Binary;
                break;
            case Opcode.Continuation:
                break;
            default:
                await FailAsync(WebSocketCloseStatus.ProtocolError, "A frame of an unknown opcode.");
                break;
        }

        Heard();
        _inMessage = true;
        _inFrame = true;
        _finalFrame = header.Final;
        _remaining = header.PayloadLength;
        _mask = header.Mask;
        _maskOffset = 0;
    }

    /// <summary>A ping answered, a pong noted, a close taken in; true for a close.</summary>
    private async ValueTask<bool> HandleControlFrameAsync(FrameHeader header, ReadOnlySequence<byte> data)
    {
        if (header.PayloadLength > MaxControlPayload || !header.Final || header.Reserved != 0 || !header.Masked)
        {
            _input.AdvanceTo(data.Start);
            await FailAsync(WebSocketCloseStatus.ProtocolError, "A control frame that is fragmented, masked wrongly or longer than 125 bytes.");
        }

        var payloadLength = (int)header.PayloadLength;
        Span<byte> payload = stackalloc byte[MaxControlPayload];
        payload = payload[..payloadLength];
        data.Slice(header.Length, payloadLength).CopyTo(payload);
        _input.AdvanceTo(data.GetPosition(header.Length + payloadLength));
        _mask = header.Mask;
        _maskOffset = 0;
        Unmask(payload);
        Heard();
        switch (header.Opcode)
        {
            case Opcode.Ping:
                await SendControlAsync(Opcode.Pong, payload.ToArray());
                return false;
            case Opcode.Pong:
                return false;
            case Opcode.Close:
                var (status, description, valid) = ReadClose(payload);
                if (!valid)
                {
                    await FailAsync(WebSocketCloseStatus.ProtocolError, "A close frame with an invalid status or reason.");
                }

                CloseReceived(status, description);
                return true;
            default:
                await FailAsync(WebSocketCloseStatus.ProtocolError, "A control frame of an unknown opcode.");
                return false;
        }
    }

    private static (WebSocketCloseStatus Status, string Description, bool Valid) ReadClose(ReadOnlySpan<byte> payload)
    {
        if (payload.Length == 0)
        {
            return (WebSocketCloseStatus.NormalClosure, string.Empty, true); // as the framework reads a close without a status
        }

        if (payload.Length == 1)
        {
            return default;
        }

        var code = BinaryPrimitives.ReadUInt16BigEndian(payload);
        // As lenient as the framework's WebSocket: any status in the registered ranges (a client
        // asked for no status may still send 1005), checked no closer than that.
        var validCode = code is >= 1000 and <= 4999;
        var reason = payload[2..];
        if (!validCode || !System.Text.Unicode.Utf8.IsValid(reason))
        {
            return default;
        }

        return ((WebSocketCloseStatus)code, Encoding.UTF8.GetString(reason), true);
    }

    private void Unmask(Span<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return;
        }

        // The key rotated to where this piece starts in its frame, then four bytes at a time.
        var key = System.Numerics.BitOperations.RotateRight(_mask, 8 * _maskOffset);
        var i = 0;
        for (; i + 4 <= payload.Length; i += 4)
        {
            var word = BinaryPrimitives.ReadUInt32LittleEndian(payload[i..]);
            BinaryPrimitives.WriteUInt32LittleEndian(payload[i..], word ^ key);
        }

        for (; i < payload.Length; i++)
        {
            payload[i] ^= (byte)(key >> (8 * (i & 3)));
        }

        _maskOffset = (_maskOffset + payload.Length) & 3;
    }

    private static void ThrowIfEnded(ReadResult read)
    {
        if (read.IsCompleted || read.IsCanceled)
        {
            throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "The connection ended without a close.");
        }
    }

    /// <summary>Closes with <paramref name="status"/> and fails the read, as the framework's WebSocket does on a broken frame.</summary>
    private async ValueTask FailAsync(WebSocketCloseStatus status, string reason)
    {
        try
        {
            await CloseOutputAsync(status, reason, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException)
        {
            // The peer is gone already.
        }

        Abort();
        throw new WebSocketException(WebSocketError.Faulted, reason);
    }

    private async ValueTask<T> FailAsync<T>(WebSocketCloseStatus status, string reason)
    {
        await FailAsync(status, reason);
        return default!;
    }
}
