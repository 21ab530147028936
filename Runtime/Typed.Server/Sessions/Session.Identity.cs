using Typed.Server.Identity;
using Typed.Server.Logging;
using Typed.Server.Timing;

namespace Typed.Server.Sessions;

/// <summary>Whether a request may act for the session.</summary>
internal enum RequestAdmission
{
    Admitted,

    /// <summary>The request authenticated as another user, or as nobody, for an authenticated session.</summary>
    OtherUser,

    /// <summary>The session's authentication expired and the request brings none fresher.</summary>
    AuthenticationExpired,
}

/// <summary>
/// The session's identity: who opened it, bound for its life; with
/// <see cref="SocketServerOptions.CloseOnAuthenticationExpiration"/>, when that authentication
/// expires the connection is closed, and the session waits its timeout for the same user to come
/// back with a fresher one.
/// </summary>
internal sealed partial class Session
{
    private SessionIdentity _identity;
    private WheelTimer? _authenticationExpiry; // made for the first authentication that expires
    private bool _authenticationExpired;

    /// <summary>Who opened the session, as last renewed by a request of the same user.</summary>
    public SessionIdentity Identity => Volatile.Read(ref _identity);

    /// <summary>True from the moment the session's authentication expired until a request renews it.</summary>
    public bool AuthenticationExpired
    {
        get
        {
            lock (_gate)
            {
                return _authenticationExpired;
            }
        }
    }

    /// <summary>
    /// Judges a later request of the session (a reattach, a poll, an upload); a request of the same
    /// user whose authentication expires later renews the session's.
    /// </summary>
    public RequestAdmission Admit(SessionIdentity request)
    {
        var identity = Identity;
        if (!identity.Admits(request))
        {
            return RequestAdmission.OtherUser;
        }

        if (!identity.IsAuthenticated)
        {
            return RequestAdmission.Admitted;
        }

        lock (_gate)
        {
            if (ExpiresLater(request.Expires, _identity.Expires))
            {
                Volatile.Write(ref _identity, request);
                _authenticationExpired = false;
                WatchAuthenticationExpiry();
            }

            return _authenticationExpired ? RequestAdmission.AuthenticationExpired : RequestAdmission.Admitted;
        }
    }

    private static bool ExpiresLater(DateTimeOffset? candidate, DateTimeOffset? current) =>
        current is { } now && (candidate is not { } then || then > now);

    // Called with _gate held (or from the constructor).
    private void WatchAuthenticationExpiry()
    {
        _authenticationExpiry?.Cancel();
        if (!_listener.Options.CloseOnAuthenticationExpiration || _identity.Expires is not { } expires || _ended is not null)
        {
            return;
        }

        // The wheel's clock is not the wall clock: a wait that ends before the expiry by the wall
        // clock (after it was set back, say) waits on.
        var due = expires - _listener.Time.GetUtcNow();
        _authenticationExpiry ??= _listener.Timers.CreateTimer(static session => ((Session)session!).AuthenticationExpiryDue(), this);
        _authenticationExpiry.Schedule(due > TimeSpan.Zero ? due : TimeSpan.Zero);
    }

    /// <summary>On the wheel's tick: closing the connection is work for the thread pool.</summary>
    private void AuthenticationExpiryDue() => ThreadPool.UnsafeQueueUserWorkItem(static session => session.ExpireAuthentication(), this, preferLocal: false);

    private void ExpireAuthentication()
    {
        Downstream? downstream;
        lock (_gate)
        {
            // Renewed past now meanwhile, or over: nothing expired.
            if (_ended is not null || _authenticationExpired || _identity.Expires is not { } expires)
            {
                return;
            }

            if (expires > _listener.Time.GetUtcNow())
            {
                WatchAuthenticationExpiry(); // woke early, by the wall clock
                return;
            }

            _authenticationExpired = true;
            downstream = _downstream;
        }

        Log.AuthenticationExpired(_listener.Logger, SessionId);

        // The connection closes (a WebSocket with 1008 "authentication expired"); the session then
        // waits its timeout for a reattach with fresh authentication, and ends if none comes.
        downstream?.Supersede();
    }

    // Called with _gate held: the reason a session ends for want of a downstream.
    private DisconnectReason ReasonForExpiry => _authenticationExpired ? DisconnectReason.AuthenticationExpired : DisconnectReason.Timeout;
}
