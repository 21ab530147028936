using System.Buffers;
using System.Net.WebSockets;
using Typed.Buffers;
using Typed.Framing;
using Typed.Messages;
using Typed.Server.Logging;
using Typed.Server.Sessions;

namespace Typed.Server.Transports;

/// <summary>
/// The upstream of one WebSocket: reads the client's payloads and hands their messages over on
/// its own thread (a hop to another would cost more than most handlers). When a handler there asks
/// the client a question, it may block until the answer comes, so reading goes on in a new loop
/// from then on, and the old loop ends once its handler returns.
/// </summary>
internal sealed class WebSocketReader(WebSocket socket, DownstreamRequest request, Session session, IFrameCodec? codec) : IDisposable
{
    private const int SmallMessageSize = 512;

    // Small messages (most of them) are read whole into a buffer of the connection's own, small
    // enough that an idle connection costs little; a bigger one continues in a pooled buffer,
    // given back once the message is taken in. One loop reads at a time, so they share these.
    private readonly byte[] _small = new byte[SmallMessageSize];
    private readonly PooledBufferWriter _large = new(0);
    private readonly List<Message> _parsed = new(1);
    private readonly int _limit = request.Listener.Options.MaxMessageSize;
    private CancellationToken _stopping;

    /// <summary>Reads until the client closes, the connection is lost, or a payload is refused.</summary>
    public async Task<WebSocketEndReason> RunAsync(CancellationToken cancellationToken)
    {
        // Reads take no token, which would cost a registration per message: stopping aborts the
        // connection instead, which is what the WebSocket does when a read is cancelled.
        _stopping = cancellationToken;
        using var abortOnStop = cancellationToken.UnsafeRegister(static state => ((WebSocket)state!).Abort(), socket);
        return await new ReadLoop(this).ReadAsync();
    }

    public void Dispose() => _large.Dispose();

    /// <summary>
    /// One loop of reads. While it hands messages over, a question asked of the client starts the
    /// next loop, which reads from then on; this one ends once its hand-over does.
    /// </summary>
    private sealed class ReadLoop(WebSocketReader reader) : IUpstream
    {
        private readonly Gate _gate = new();
        private bool _handingOver;
        private Task<WebSocketEndReason>? _successor;

        /// <summary>A WebSocket has no answer of its own to an upload: acknowledgements go back in a frame.</summary>
        public bool AcknowledgesInFrame => true;

        /// <summary>From any thread: takes effect only while this loop hands over and has not passed reading on yet.</summary>
        public void KeepReadingElsewhere()
        {
            lock (_gate)
            {
                if (_handingOver && _successor is null)
                {
                    _successor = Task.Run(new ReadLoop(reader).ReadAsync);
                }
            }
        }

        public Task<WebSocketEndReason> ReadAsync() => reader.ReadAsync(this);

        public void HandingOver()
        {
            lock (_gate)
            {
                _handingOver = true;
            }
        }

        /// <summary>The hand-over is done: the loop that took over reading meanwhile, if one did.</summary>
        public Task<WebSocketEndReason>? HandedOver()
        {
            lock (_gate)
            {
                _handingOver = false;
                return _successor;
            }
        }
    }

    private async Task<WebSocketEndReason> ReadAsync(ReadLoop loop)
    {
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(_small.AsMemory(), CancellationToken.None);
                ReadOnlyMemory<byte> received = _small.AsMemory(0, result.Count);
                if (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close)
                {
                    _large.Write(received.Span);
                    do
                    {
                        if (_large.WrittenCount > _limit)
                        {
                            break;
                        }

                        result = await socket.ReceiveAsync(_large.GetMemory(Math.Min(_limit + 1, 16 * 1024)), CancellationToken.None);
                        _large.Advance(result.Count);
                    }
                    while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                    received = _large.WrittenMemory;
                }

                if (received.Length > _limit)
                {
                    Log.PayloadRefused(request.Logger, session.SessionId, "a WebSocket message over the size limit");
                    return WebSocketEndReason.TooBig;
                }

                switch (result.MessageType)
                {
                    case WebSocketMessageType.Close when WebSocketTransport.IsLeave(socket):
                        await session.HandedOverAsync().WaitAsync(_stopping);
                        session.End(DisconnectReason.ClientLeft);
                        return WebSocketEndReason.Left;
                    case WebSocketMessageType.Close:
                        return WebSocketEndReason.ClosedByClient;
                    case WebSocketMessageType.Binary when codec is null:
                        Log.PayloadRefused(request.Logger, session.SessionId, "a binary WebSocket message");
                        return WebSocketEndReason.Binary;
                }

                try
                {
                    // Messages keep slices of the payload, so it gets an array of its own.
                    var payload = result.MessageType == WebSocketMessageType.Binary ? codec!.Decode(received.Span) : received.ToArray();
                    _large.ClearAndRelease();
                    _parsed.Clear();
                    session.Accept(ClientPayload.ParseContent(payload, session.Acknowledged, _parsed), loop);
                }
                catch (ProtocolFormatException e)
                {
                    Log.PayloadRefused(request.Logger, session.SessionId, e.Message);
                    return WebSocketEndReason.Malformed;
                }

                loop.HandingOver();
                await session.HandOverAsync(inline: loop);
                if (loop.HandedOver() is { } successor)
                {
                    return await successor; // reading went on there while a handler here waited
                }

                await session.WaitForRoomAsync();
            }
        }
        catch (WebSocketException e) when (e.WebSocketErrorCode == WebSocketError.Faulted)
        {
            // The framing layer refused the frame (invalid UTF-8 in a text message, say) and has
            // already sent its close; the session stays, for the client to reconnect.
            Log.PayloadRefused(request.Logger, session.SessionId, e.Message);
            return WebSocketEndReason.Gone;
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
            return WebSocketEndReason.Gone;
        }
    }
}
