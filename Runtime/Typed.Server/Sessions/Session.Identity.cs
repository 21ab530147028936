using Typed.Server.Identity;
using Typed.Server.Logging;

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
    private ITimer? _authenticationExpiry;
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
        _authenticationExpiry?.Dispose();
        _authenticationExpiry = null;
        if (!_listener.Options.CloseOnAuthenticationExpiration || _identity.Expires is not { } expires || _ended is not null)
        {
            return;
        }

        // A timer waits at most about 49 days in one go; one due later wakes then and waits on.
        var identity = _identity;
        var due = expires - _listener.Time.GetUtcNow();
        var wait = due > LongestWait ? LongestWait : due > TimeSpan.Zero ? due : TimeSpan.Zero;
        _authenticationExpiry = _listener.Time.CreateTimer(_ => ExpireAuthentication(identity), null, wait, Timeout.InfiniteTimeSpan);
    }

    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(30);

    private void ExpireAuthentication(SessionIdentity expired)
    {
        Downstream? downstream;
        lock (_gate)
        {
            // Renewed meanwhile, or over: nothing expired.
            if (!ReferenceEquals(_identity, expired) || _ended is not null)
            {
                return;
            }

            if (expired.Expires > _listener.Time.GetUtcNow())
            {
                WatchAuthenticationExpiry(); // woke early from a long wait
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
