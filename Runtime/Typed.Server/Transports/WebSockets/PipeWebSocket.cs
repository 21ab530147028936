using System.IO.Pipelines;
using System.Net.WebSockets;

namespace Typed.Server.Transports.WebSockets;

/// <summary>
/// The server end of an RFC 6455 connection, reading frames straight from Kestrel's input pipe
/// and writing them into its output pipe. The framework's WebSocket reads through the upgraded
/// request's stream (a copy and several layers per read) and locks around every send and receive;
/// on a small echo that is a good part of what the server spends. Same contract as the framework's:
/// one receiver and one sender at a time, pings answered, the closing handshake, UTF-8 checked in
/// text messages, protocol errors closed with their status.
/// </summary>
internal sealed partial class PipeWebSocket : WebSocket
{
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly Action _abortConnection;
    private readonly TimeProvider _time;
    private readonly Gate _stateGate = new();
    private WebSocketState _state = WebSocketState.Open;
    private WebSocketCloseStatus? _closeStatus;
    private string? _closeDescription;

    /// <param name="connection">The connection's pipes, past the opening handshake.</param>
    /// <param name="abortConnection">Ends the connection at once (its reads and writes fail).</param>
    /// <param name="time">The clock of <see cref="LastHeard"/>.</param>
    public PipeWebSocket(IDuplexPipe connection, Action abortConnection, TimeProvider time)
    {
        _input = connection.Input;
        _output = connection.Output;
        _abortConnection = abortConnection;
        _time = time;
        _lastHeard = time.GetTimestamp();
    }

    public override WebSocketCloseStatus? CloseStatus => _closeStatus;

    public override string? CloseStatusDescription => _closeDescription;

    public override WebSocketState State => _state;

    public override string? SubProtocol => null;

    /// <summary>Ends the connection at once: a read or write in progress fails.</summary>
    public override void Abort()
    {
        lock (_stateGate)
        {
            if (_state is WebSocketState.Closed or WebSocketState.Aborted)
            {
                return;
            }

            _state = WebSocketState.Aborted;
        }

        _abortConnection();
    }

    public override async Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken)
    {
        await CloseOutputAsync(closeStatus, statusDescription, cancellationToken);
        var buffer = new byte[1024];
        while (State == WebSocketState.CloseSent)
        {
            if ((await ReceiveAsync(buffer.AsMemory(), cancellationToken)).MessageType == WebSocketMessageType.Close)
            {
                return;
            }
        }
    }

    /// <summary>Sends the close frame (once); the connection closes once the peer's close has been read too.</summary>
    public override async Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken)
    {
        lock (_stateGate)
        {
            if (_state is not (WebSocketState.Open or WebSocketState.CloseReceived))
            {
                return;
            }

            _state = _state == WebSocketState.CloseReceived ? WebSocketState.Closed : WebSocketState.CloseSent;
        }

        await SendCloseFrameAsync(closeStatus, statusDescription, cancellationToken);
    }

    public override void Dispose()
    {
        lock (_stateGate)
        {
            if (_state is WebSocketState.Closed or WebSocketState.Aborted)
            {
                return;
            }

            _state = WebSocketState.Closed;
        }
    }

    /// <summary>The peer said it closes: a close frame of its has been read.</summary>
    private void CloseReceived(WebSocketCloseStatus status, string description)
    {
        lock (_stateGate)
        {
            _closeStatus = status;
            _closeDescription = description;
            if (_state == WebSocketState.Open)
            {
                _state = WebSocketState.CloseReceived;
            }
            else if (_state == WebSocketState.CloseSent)
            {
                _state = WebSocketState.Closed;
            }
        }
    }
}
