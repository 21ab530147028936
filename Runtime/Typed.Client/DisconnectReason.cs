namespace Typed.Client;

/// <summary>Why a <see cref="Socket"/> considers itself disconnected.</summary>
public enum DisconnectReason
{
    /// <summary>The application called <see cref="Socket.DisconnectAsync"/> or disposed the socket.</summary>
    Requested,

    /// <summary>The connection dropped and reconnection is turned off.</summary>
    ConnectionLost,

    /// <summary>Reconnection gave up after <see cref="SocketOptions.MaxReconnectAttempts"/> attempts.</summary>
    ReconnectFailed,

    /// <summary>
    /// The server refused access (401 or 403) to a reconnection, made with a token asked afresh of
    /// <see cref="SocketOptions.AccessTokenProvider"/>: retrying would not change its answer.
    /// </summary>
    AccessDenied,
}
