using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using Typed.WebSockets;

namespace Typed.Server.Transports.WebSockets;

/// <summary>Writing: each frame's header and payload go into the output pipe together, one flush per frame.</summary>
internal sealed partial class PipeWebSocket
{
    private readonly SemaphoreSlim _sending = new(1, 1);
    private bool _sendingFragments; // a message was begun and not ended: its next frame continues it

    public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        SendAsync(buffer.AsMemory(), messageType, endOfMessage, cancellationToken).AsTask();

    public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
    {
        if (_state is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            throw new WebSocketException(WebSocketError.InvalidState, $"The WebSocket is {_state}: nothing more can be sent.");
        }

        if (messageType == WebSocketMessageType.Close)
        {
            throw new ArgumentException("A close is sent with CloseOutputAsync.", nameof(messageType));
        }

        var opcode = _sendingFragments ? Opcode.Continuation : messageType == WebSocketMessageType.Text ? Opcode.Text : Opcode.Binary;
        _sendingFragments = !endOfMessage;
        return SendFrameAsync(opcode, endOfMessage, buffer, cancellationToken);
    }

    private ValueTask SendControlAsync(Opcode opcode, ReadOnlyMemory<byte> payload) =>
        SendFrameAsync(opcode, final: true, payload, CancellationToken.None);

    private ValueTask SendCloseFrameAsync(WebSocketCloseStatus status, string? description, CancellationToken cancellationToken)
    {
        if (status == WebSocketCloseStatus.Empty)
        {
            return SendFrameAsync(Opcode.Close, final: true, ReadOnlyMemory<byte>.Empty, cancellationToken); // 1005 is never sent: no status at all
        }

        var body = new byte[MaxControlPayload];
        BinaryPrimitives.WriteUInt16BigEndian(body, (ushort)status);
        var length = 2;
        if (!string.IsNullOrEmpty(description))
        {
            // The reason is cut to fit a control frame, at a character's boundary.
            var text = description.AsSpan();
            while (Encoding.UTF8.GetByteCount(text) > MaxControlPayload - 2)
            {
                text = text[..^1];
            }

            length += Encoding.UTF8.GetBytes(text, body.AsSpan(2));
        }

        return SendFrameAsync(Opcode.Close, final: true, body.AsMemory(0, length), cancellationToken);
    }

    private ValueTask SendFrameAsync(Opcode opcode, bool final, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (!_sending.Wait(0, CancellationToken.None))
        {
            return SendFrameWhenFreeAsync(opcode, final, payload, cancellationToken);
        }

        ValueTask<FlushResult> flushing;
        try
        {
            flushing = WriteAndFlushAsync(opcode, final, payload.Span, cancellationToken);
        }
        catch (Exception e)
        {
            _sending.Release();
            throw AsWebSocketException(e);
        }

        if (flushing.IsCompletedSuccessfully)
        {
            _sending.Release();
            return flushing.Result.IsCompleted ? throw Gone() : default;
        }

        return ReleaseAfterAsync(flushing);
    }

    private async ValueTask SendFrameWhenFreeAsync(Opcode opcode, bool final, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            if ((await WriteAndFlushAsync(opcode, final, payload.Span, cancellationToken)).IsCompleted)
            {
                throw Gone();
            }
        }
        catch (Exception e) when (e is not (WebSocketException or OperationCanceledException))
        {
            throw AsWebSocketException(e);
        }
        finally
        {
            _sending.Release();
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ReleaseAfterAsync(ValueTask<FlushResult> flushing)
    {
        try
        {
            if ((await flushing).IsCompleted)
            {
                throw Gone();
            }
        }
        catch (Exception e) when (e is not (WebSocketException or OperationCanceledException))
        {
            throw AsWebSocketException(e);
        }
        finally
        {
            _sending.Release();
        }
    }

    // Called with the send gate held: the frame, a ping wanted after it, one flush for both.
    private ValueTask<FlushResult> WriteAndFlushAsync(Opcode opcode, bool final, ReadOnlySpan<byte> payload, CancellationToken cancellationToken)
    {
        WriteFrame(opcode, final, payload);
        WritePingIfWanted(opcode);
        return _output.FlushAsync(cancellationToken);
    }

    // Called with the send gate held.
    private void WriteFrame(Opcode opcode, bool final, ReadOnlySpan<byte> payload)
    {
        var header = _output.GetSpan(FrameHeader.MaxLength + Math.Min(payload.Length, 4096));
        var headerLength = FrameHeader.Write(header, opcode, final, payload.Length);
        if (header.Length - headerLength >= payload.Length)
        {
            payload.CopyTo(header[headerLength..]);
            _output.Advance(headerLength + payload.Length);
            return;
        }

        _output.Advance(headerLength);
        _output.Write(payload);
    }

    private static WebSocketException Gone() => new(WebSocketError.ConnectionClosedPrematurely, "The connection is gone.");

    private static Exception AsWebSocketException(Exception e) =>
        e is WebSocketException or OperationCanceledException ? e : new WebSocketException(WebSocketError.ConnectionClosedPrematurely, e);
}
