using System.Buffers.Binary;
using System.Net.WebSockets;
using Typed.Buffers;
using Typed.WebSockets;

namespace Typed.Client.Transports.WebSockets;

/// <summary>
/// The client end of an RFC 6455 connection, once upgraded: messages out as single masked frames,
/// messages in reassembled from their frames, pings answered, the closing handshake. The framework's
/// <see cref="ClientWebSocket"/> does the same, but draws each frame's masking key from the
/// cryptographic generator on its own, which costs more than the rest of a small message; here the
/// keys come from <see cref="MaskKeys"/>.
/// </summary>
/// <remarks>One reader at a time; writers may be several (the reader answers pings), one frame at a time.</remarks>
internal sealed partial class WebSocketConnection : IDisposable
{
    private const byte Final = 0x80;
    private const int MaxHeaderSize = 14;

    private readonly Stream _stream;
    private readonly HttpResponseMessage _response;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly PooledBufferWriter _frame = new();
    private int _closeSent;
    private int _aborted;

    public WebSocketConnection(Stream stream, HttpResponseMessage response)
    {
        _stream = stream;
        _response = response;
    }

    /// <summary>True until a close frame has been sent or the connection aborted.</summary>
    public bool CanSend => Volatile.Read(ref _closeSent) == 0 && Volatile.Read(ref _aborted) == 0;

    /// <summary>Sends one whole message as one frame.</summary>
    public ValueTask SendAsync(ReadOnlyMemory<byte> payload, WebSocketMessageType type)
    {
        if (!CanSend)
        {
            throw new WebSocketException(WebSocketError.InvalidState, "The WebSocket is closed.");
        }

        return SendFrameAsync(type == WebSocketMessageType.Binary ? Opcode.Binary : Opcode.Text, payload.Span);
    }

    /// <summary>Sends the close frame (once); the server answers it and ends the connection.</summary>
    public ValueTask CloseOutputAsync(WebSocketCloseStatus status, string reason)
    {
        if (Interlocked.Exchange(ref _closeSent, 1) == 1 || Volatile.Read(ref _aborted) == 1)
        {
            return default;
        }

        Span<byte> body = stackalloc byte[125];
        BinaryPrimitives.WriteUInt16BigEndian(body, (ushort)status);
        var length = 2 + System.Text.Encoding.UTF8.GetBytes(reason.AsSpan(0, Math.Min(reason.Length, 40)), body[2..]);
        return SendFrameAsync(Opcode.Close, body[..length]);
    }

    /// <summary>Ends the connection at once: a read or write in progress fails.</summary>
    public void Abort()
    {
        if (Interlocked.Exchange(ref _aborted, 1) == 0)
        {
            _stream.Dispose();
        }
    }

    public void Dispose()
    {
        Abort();
        _response.Dispose();
    }

    // The frame is built in the connection's buffer, under the write gate, and written in one piece.
    private ValueTask SendFrameAsync(Opcode opcode, ReadOnlySpan<byte> payload)
    {
        if (!_writing.Wait(0))
        {
            return SendFrameWhenFreeAsync(opcode, payload.ToArray());
        }

        ValueTask writing;
        try
        {
            writing = _stream.WriteAsync(BuildFrame(opcode, payload));
        }
        catch
        {
            _writing.Release();
            throw;
        }

        if (writing.IsCompletedSuccessfully)
        {
            writing.GetAwaiter().GetResult();
            DoneWriting();
            return default;
        }

        return ReleaseAfterAsync(writing);
    }

    private async ValueTask SendFrameWhenFreeAsync(Opcode opcode, byte[] payload)
    {
        await _writing.WaitAsync();
        try
        {
            await _stream.WriteAsync(BuildFrame(opcode, payload));
        }
        finally
        {
            DoneWriting();
        }
    }

    private async ValueTask ReleaseAfterAsync(ValueTask writing)
    {
        try
        {
            await writing;
        }
        finally
        {
            DoneWriting();
        }
    }

    // Releases the write gate, and the frame buffer after an unusually big message.
    private void DoneWriting()
    {
        if (_frame.WrittenCount > 64 * 1024)
        {
            _frame.ClearAndRelease();
        }

        _writing.Release();
    }

    // Called with the write gate held.
    private ReadOnlyMemory<byte> BuildFrame(Opcode opcode, ReadOnlySpan<byte> payload)
    {
        _frame.Clear();
        var span = _frame.GetSpan(MaxHeaderSize + payload.Length);
        var header = FrameHeader.Write(span, opcode, final: true, payload.Length);
        span[1] |= 0x80; // masked, as every client frame is

        var key = span.Slice(header, 4);
        MaskKeys.Next(key);
        FrameMask.Apply(payload, span.Slice(header + 4, payload.Length), key);
        _frame.Advance(header + 4 + payload.Length);
        return _frame.WrittenMemory;
    }
}
