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
}
