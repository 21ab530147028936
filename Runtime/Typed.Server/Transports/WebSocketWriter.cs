using System.Net.WebSockets;

namespace Typed.Server.Transports;

/// <summary>
/// Writes a connection's frames with no cancellation token per write: given a token that can be
/// cancelled, a WebSocket takes its slower path and registers with the token on every message,
/// which on an echo costs more than our framing. Stopping still ends a write in progress, as the
/// WebSocket itself would on cancellation: by aborting the connection.
/// </summary>
internal sealed class WebSocketWriter : IDisposable
{
    private readonly WebSocket _socket;
    private readonly Framing.IFrameCodec? _codec;
    private readonly CancellationToken _stopping;
    private readonly CancellationTokenRegistration _abortOnStop;
    private int _writing;

    public WebSocketWriter(WebSocket socket, Framing.IFrameCodec? codec, CancellationToken stopping)
    {
        _socket = socket;
        _codec = codec;
        _stopping = stopping;
        _abortOnStop = stopping.UnsafeRegister(static state => ((WebSocketWriter)state!).AbortIfWriting(), this);
    }

    /// <summary>A frame as a text message, or encoded by the connection's codec as a binary one.</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> frame)
    {
        Interlocked.Exchange(ref _writing, 1);
        try
        {
            // Checked once the write is marked: a stop from here on aborts it instead.
            _stopping.ThrowIfCancellationRequested();
            await (_codec is null
                ? _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None)
                : _socket.SendAsync(new ReadOnlyMemory<byte>(_codec.Encode(frame.Span)), WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None));
        }
        finally
        {
            Volatile.Write(ref _writing, 0);
        }
    }

    public void Dispose() => _abortOnStop.Dispose();

    private void AbortIfWriting()
    {
        if (Volatile.Read(ref _writing) == 1)
        {
            _socket.Abort();
        }
    }
}
