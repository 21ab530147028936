using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Typed.Client.Delivery;
using Typed.Client.Logging;
using Typed.Client.Transports;
using Typed.Framing;
using Typed.Messages;

namespace Typed.Client;

/// <summary>
/// A client of the protocol, as the 2010 browser client's <c>io.Socket</c> in .NET idiom: it tries
/// the transports in order until one connects, keeps the session across dropped connections
/// (reconnecting with backoff), and with acknowledged delivery neither loses nor repeats a message
/// in either direction.
/// </summary>
public sealed partial class Socket : IAsyncDisposable
{
    private readonly SocketOptions _options;
    private readonly Uri _server;
    private readonly HttpMessageHandler _handler;
    private readonly bool _ownsHandler;
    private readonly HttpClient _http;
    private readonly TransportContext _context;
    private readonly ILogger _logger;
    private readonly Outbox _outbox = new();
    private readonly Inbox _inbox = new();
    private readonly AsyncSignal _outgoing = new();
    private readonly Gate _gate = new();
    private CancellationTokenSource? _lifetime;
    private Task _supervisor = Task.CompletedTask;
    private volatile ClientTransport? _transport;
    private volatile Sink? _activeSink;
    private volatile string? _sessionId;

    // The server's rhythm for the session, as its handshake told it: what hung requests are judged by.
    private SessionTiming? _timing;
    private volatile string? _transportName;
    private volatile bool _connected;
    private volatile bool _connecting;

    /// <summary>
    /// A socket for the server at <paramref name="server"/>; nothing is sent before <see cref="ConnectAsync"/>.
    /// Only the scheme (<c>https</c> for TLS), host and port count: the path is
    /// <see cref="SocketOptions.Resource"/>, and <see cref="SocketOptions.Port"/>, when set, replaces the port.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="server"/> is null.</exception>
    public Socket(Uri server, SocketOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        _options = options ?? new SocketOptions();
        var builder = new UriBuilder(server) { Path = "/", Query = string.Empty, Fragment = string.Empty };
        if (_options.Port is { } port)
        {
            builder.Port = port;
        }

        _server = builder.Uri;
        _ownsHandler = _options.HttpMessageHandler is null;
        _handler = _options.HttpMessageHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
        _http = new HttpClient(_handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        _context = new TransportContext(_server, _options, _http, new HttpMessageInvoker(_handler, disposeHandler: false));
        _logger = _options.Logger ?? NullLogger.Instance;
        _ackTimer = new AckTimer(_inbox, _options.AckDelay, _outgoing.Signal);
        _handlers.DetailedErrors = _options.DetailedErrors;
    }

    /// <summary>The handshake is done and a transport is open.</summary>
    public bool Connected => _connected;

    /// <summary>A connection or reconnection is under way.</summary>
    public bool Connecting => _connecting;

    /// <summary>The transport in use (or last used), by protocol name.</summary>
    public string? Transport => _transportName;

    /// <summary>The session id the server gave, once connected.</summary>
    public string? SessionId => _sessionId;

    /// <summary>Whether the server agreed to acknowledged delivery for the current session.</summary>
    public bool AcknowledgedDelivery => _outbox.Acknowledged;

    /// <summary>A new session is open: the handshake arrived (the 2010 client's <c>connect</c>).</summary>
    public event Action? Opened;

    /// <summary>The session was resumed over a new connection after one dropped.</summary>
    public event Action? Reconnected;

    /// <summary>A message arrived (the 2010 client's <c>message</c>): raised once per message, in order.</summary>
    public event Action<Message>? MessageReceived;

    /// <summary>The transport closed, perhaps only for a moment (the 2010 client's <c>close</c>).</summary>
    public event Action? Closed;

    /// <summary>The server no longer knew the session; a new session is being opened.</summary>
    public event Action? SessionExpired;

    /// <summary>The connection is considered gone (the 2010 client's <c>disconnect</c>).</summary>
    public event Action<DisconnectReason>? Disconnected;

    /// <summary>
    /// Queues a message for the server; it goes out as soon as a transport is open, and across
    /// reconnections. A string message arrives exactly as given.
    /// </summary>
    public ValueTask SendAsync(Message message, CancellationToken cancellationToken = default)
    {
        if (message.IsEmpty)
        {
            throw new ArgumentException("A message must hold a JSON value.", nameof(message));
        }

        cancellationToken.ThrowIfCancellationRequested();
        Enqueue(message);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc cref="SendAsync(Message, CancellationToken)"/>
    public ValueTask SendAsync(string text, CancellationToken cancellationToken = default) =>
        SendAsync(Message.FromText(text), cancellationToken);

    /// <summary>
    /// Completes once every message sent so far has reached the server: acknowledged by it with
    /// acknowledged delivery, written to the connection without.
    /// </summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) => _outbox.WhenEmptyAsync().WaitAsync(cancellationToken);

    /// <summary>
    /// Leaves the session: the server ends it at once (rather than after its timeout) and says so
    /// to the application, then the connection closes. Messages not yet sent stay queued for a
    /// later <see cref="ConnectAsync"/>, which opens a new session.
    /// </summary>
    public async Task DisconnectAsync()
    {
        CancellationTokenSource? lifetime;
        lock (_gate)
        {
            lifetime = _lifetime;
            _lifetime = null;
        }

        if (lifetime is null)
        {
            return;
        }

        await lifetime.CancelAsync();
        var transport = _transport;
        _transport = null;
        _activeSink = null;
        await LeaveAsync(transport);
        if (transport is not null)
        {
            await transport.DisposeAsync();
        }

        await _supervisor.ConfigureAwait(false);
        lifetime.Dispose();
        _connected = false;
        _connecting = false;
        _answers?.FailAll(new InvalidOperationException("The socket was disconnected before the answer came."));
        Raise(Disconnected, DisconnectReason.Requested);
    }

    /// <summary>
    /// Disconnects (see <see cref="DisconnectAsync"/>) and releases the socket's HTTP resources; a
    /// handler given in <see cref="SocketOptions.HttpMessageHandler"/> is left to its owner.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync();
        _ackTimer.Dispose();
        if (_writing.Wait(0))
        {
            // Kept, so that nothing writes with the buffer once it is back in the pool.
            _payload.Dispose();
        }

        _http.Dispose();
        _context.Invoker.Dispose();
        if (_ownsHandler)
        {
            _handler.Dispose();
        }
    }

    /// <summary>
    /// Tells the server over the open transport that the session is over, after the upload on its
    /// way (so that what it carries is not refused as belonging to an ended session). A server that
    /// cannot be told (no transport is open: the network is down) ends it after its timeout.
    /// </summary>
    private async Task LeaveAsync(ClientTransport? transport)
    {
        if (transport is null || _sessionId is not { } sessionId)
        {
            return;
        }

        var uploadDone = await _writing.WaitAsync(_options.RequestTimeout);
        try
        {
            await transport.LeaveAsync(sessionId);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException or OperationCanceledException or System.Net.WebSockets.WebSocketException or ObjectDisposedException)
        {
            Log.LeaveFailed(_logger, e, sessionId);
        }
        finally
        {
            if (uploadDone)
            {
                _writing.Release();
            }
        }
    }

    private void Raise(Action? handlers, string name)
    {
        try
        {
            handlers?.Invoke();
        }
        catch (Exception e)
        {
            Log.HandlerFailed(_logger, e, name);
        }
    }

    private void Raise<T>(Action<T>? handlers, T argument, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(handlers))] string name = "")
    {
        try
        {
            handlers?.Invoke(argument);
        }
        catch (Exception e)
        {
            Log.HandlerFailed(_logger, e, name);
        }
    }
}
