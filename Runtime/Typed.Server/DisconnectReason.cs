namespace Typed.Server;

/// <summary>Why a session ended.</summary>
public enum DisconnectReason
{
    /// <summary>No downstream attached within the timeout: the client went away.</summary>
    Timeout,

    /// <summary>The application called <see cref="Client.Disconnect"/>.</summary>
    ServerDisconnect,

    /// <summary>More messages waited for the client than <see cref="SocketServerOptions.MaxQueuedBytes"/> allows.</summary>
    SlowConsumer,

    /// <summary>The server is shutting down.</summary>
    Shutdown,

    /// <summary>
    /// The client said it was leaving: it closed its WebSocket with status 4000, or sent
    /// <c>POST .../{sessionid}/leave</c>.
    /// </summary>
    ClientLeft,

    /// <summary>
    /// The authentication the session opened with expired (with
    /// <see cref="SocketServerOptions.CloseOnAuthenticationExpiration"/>), and no request of the same
    /// user brought a fresher one within the session's timeout.
    /// </summary>
    AuthenticationExpired,
}
