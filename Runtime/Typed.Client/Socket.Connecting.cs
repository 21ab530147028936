using System.Net;
using Typed.Client.Logging;
using Typed.Client.Transports;

namespace Typed.Client;

/// <summary>Opening sessions with fallback across transports, and keeping them open.</summary>
public sealed partial class Socket
{
    /// <summary>
    /// Opens a session over the first transport that delivers the handshake within
    /// <see cref="SocketOptions.ConnectTimeout"/>; from then on the socket reconnects by itself.
    /// </summary>
    /// <exception cref="SocketConnectException">
    /// No transport could connect, or the server refused access (its
    /// <see cref="SocketConnectException.StatusCode"/> is then 401 or 403).
    /// </exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        CancellationTokenSource lifetime;
        lock (_gate)
        {
            if (_lifetime is not null)
            {
                throw new InvalidOperationException("The socket is already connected or connecting.");
            }

            lifetime = _lifetime = new CancellationTokenSource();
        }

        _connecting = true;
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.Token);
            await OpenSessionAsync(linked.Token);
        }
        catch
        {
            _connecting = false;
            lock (_gate)
            {
                _lifetime = null;
            }

            lifetime.Dispose();
            throw;
        }

        _supervisor = SuperviseAsync(lifetime.Token);
    }

    /// <summary>
    /// Tries each transport in turn (the remembered one first) until one delivers the handshake,
    /// or the server refuses access: that is the credentials' fault, which no transport changes.
    /// </summary>
    private async Task OpenSessionAsync(CancellationToken cancellationToken)
    {
        await RenewAccessTokenAsync(cancellationToken);
        var failures = new List<Exception>();
        var refusals = new List<HttpStatusCode>();
        foreach (var name in TransportsToTry())
        {
            cancellationToken.ThrowIfCancellationRequested();
            _sessionId = null;
            _inbox.Reset();
            _outbox.Renumber();
            var transport = NewTransport(name, out var sink);
            using var attempt = Deadline(name, cancellationToken);
            try
            {
                await transport.OpenAsync(sessionId: null, attempt.Token);
                var first = await Task.WhenAny(sink.Handshake, transport.Completion).WaitAsync(attempt.Token);
                if (first != sink.Handshake)
                {
                    throw new IOException($"The {name} transport closed before the handshake.", await transport.Completion);
                }

                Adopt(transport, name);
                if (_options.RememberTransport)
                {
                    _options.TransportMemory.Remember(_server, name);
                }

                return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                Log.TransportConnectFailed(_logger, e, name);
                failures.Add(new IOException($"The {name} transport could not connect: {e.Message}", e));
                _activeSink = null;
                await transport.DisposeAsync();
                if (Refusal(e) is { } status)
                {
                    if (EndsConnecting(name, status))
                    {
                        Log.AccessRefused(_logger, name, (int)status);
                        throw new SocketConnectException($"The server {_server} refused access with {(int)status}.", failures, status);
                    }

                    refusals.Add(status);
                }
            }
        }

        // Refused by every transport (WebSocket upgrades all, say): that is the status to report.
        var refused = refusals.Count == failures.Count && refusals.Count > 0 ? refusals[^1] : (HttpStatusCode?)null;
        throw new SocketConnectException($"No transport could connect to {_server}.", failures, refused);
    }

    private IEnumerable<string> TransportsToTry()
    {
        var remembered = _options.RememberTransport ? _options.TransportMemory.Recall(_server) : null;
        if (remembered is not null && _options.Transports.Contains(remembered))
        {
            yield return remembered;
        }

        foreach (var name in _options.Transports.Where(name => name != remembered))
        {
            yield return name;
        }
    }

    /// <summary>Makes an open transport the current one and starts sending over it.</summary>
    private void Adopt(ClientTransport transport, string name)
    {
        _transport = transport;
        _transportName = name;
        _connected = true;
        _connecting = false;
        _ = PumpAsync(transport);
        _outgoing.Signal();
    }

    /// <summary>Watches the current transport; when it drops, reconnects, or gives up and says so.</summary>
    private async Task SuperviseAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var transport = _transport;
            if (transport is null)
            {
                return;
            }

            var reason = await WatchAsync(transport);
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            _connected = false;
            Log.TransportClosed(_logger, reason, transport.Name);
            Raise(Closed, nameof(Closed));
            await transport.DisposeAsync();
            if (!_options.Reconnect)
            {
                GiveUp(DisconnectReason.ConnectionLost);
                return;
            }

            if (await ReconnectAsync(reason is SessionExpiredException, cancellationToken) is { } givenUp)
            {
                if (!cancellationToken.IsCancellationRequested)
                {
                    GiveUp(givenUp);
                }

                return;
            }
        }
    }

    /// <summary>The transport's end, or its failure once the server has been silent past <see cref="SocketOptions.SilenceTimeout"/>.</summary>
    private async Task<Exception?> WatchAsync(ClientTransport transport)
    {
        var timeout = HangBounds.Silence(_options.SilenceTimeout, _timing);
        while (timeout != Timeout.InfiniteTimeSpan && !transport.Completion.IsCompleted)
        {
            var silence = transport.Silence;
            if (silence >= timeout)
            {
                transport.Fail(new TimeoutException($"The server has sent nothing over {transport.Name} for {silence.TotalSeconds:F1} s."));
                break;
            }

            // One delay per silence period, not per frame: frames are the hot path.
            await Task.WhenAny(transport.Completion, Task.Delay(timeout - silence));
        }

        return await transport.Completion;
    }

    /// <summary>Reattaches the session, or opens a new one once the server has forgotten it.</summary>
    /// <returns>Null once reconnected, else why the socket gives up.</returns>
    private async Task<DisconnectReason?> ReconnectAsync(bool expired, CancellationToken cancellationToken)
    {
        _connecting = true;
        var lost = System.Diagnostics.Stopwatch.StartNew();
        for (var attempt = 0; _options.MaxReconnectAttempts is not { } max || attempt < max; attempt++)
        {
            try
            {
                if (!expired)
                {
                    await Task.Delay(HangBounds.ReattachDelay(Backoff(attempt), _timing, lost.Elapsed), cancellationToken);
                    await ReattachAsync(cancellationToken);
                    Raise(Reconnected, nameof(Reconnected));
                    return null;
                }

                Raise(SessionExpired, nameof(SessionExpired));
                await OpenSessionAsync(cancellationToken);
                return null;
            }
            catch (SessionExpiredException)
            {
                expired = true;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return DisconnectReason.ReconnectFailed;
            }
            catch (Exception e) when (Refusal(e) is { } status)
            {
                Log.ReconnectionRefused(_logger, e, (int)status);
                return DisconnectReason.AccessDenied;
            }
            catch (Exception e)
            {
                Log.ReconnectionFailed(_logger, e, attempt + 1);
                if (expired)
                {
                    await Task.Delay(Backoff(attempt), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
        }

        return DisconnectReason.ReconnectFailed;
    }

    /// <summary>Opens a new connection for the current session over the transport that worked.</summary>
    private async Task ReattachAsync(CancellationToken cancellationToken)
    {
        await RenewAccessTokenAsync(cancellationToken);
        var name = _transportName!;
        var transport = NewTransport(name, out _);
        using var attempt = Deadline(name, cancellationToken, reattaching: true);
        try
        {
            await transport.OpenAsync(_sessionId, attempt.Token);
        }
        catch
        {
            _activeSink = null;
            await transport.DisposeAsync();
            throw;
        }

        // Everything the server has not acknowledged goes again; it drops what it already has.
        _outbox.Rewind(batch: null);
        Adopt(transport, name);
    }

    /// <summary>Makes a transport whose frames are the ones that count from now on.</summary>
    private ClientTransport NewTransport(string name, out Sink sink)
    {
        sink = new Sink(this, name);
        _activeSink = sink;
        var transport = ClientTransports.Create(name, _context, sink);
        sink.Owner = transport;
        return transport;
    }

    /// <summary>
    /// How long opening a transport may take: reattaching, short enough that a hung attempt and
    /// the next ones fit in the session's timeout.
    /// </summary>
    private CancellationTokenSource Deadline(string name, CancellationToken cancellationToken, bool reattaching = false)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var connectTimeout = _context.ConnectTimeout(name);
        deadline.CancelAfter(reattaching ? HangBounds.Reattach(connectTimeout, _timing) : connectTimeout);
        return deadline;
    }

    /// <summary>Exponential backoff with jitter, so that many clients do not come back in step.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(_options.MaxReconnectDelay.TotalMilliseconds, _options.ReconnectDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 16)));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Random.Shared.NextDouble() * 0.5)));
    }

    private void GiveUp(DisconnectReason reason)
    {
        _connecting = false;
        _connected = false;
        _transport = null;
        _activeSink = null;
        lock (_gate)
        {
            _lifetime?.Dispose();
            _lifetime = null;
        }

        _answers?.FailAll(new InvalidOperationException($"The connection was lost ({reason}) before the answer came."));
        Raise(Disconnected, reason);
    }
}
