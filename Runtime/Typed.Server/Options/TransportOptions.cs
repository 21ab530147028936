namespace Typed.Server;

/// <summary>Settings of one transport; null takes the transport's own default.</summary>
public sealed class TransportOptions
{
    /// <summary>How long a session waits for a new downstream once this transport's has closed. Null: <see cref="SocketServerOptions.Timeout"/>.</summary>
    public TimeSpan? CloseTimeout { get; set; }

    /// <summary>How often a persistent transport writes a heartbeat while idle.</summary>
    public TimeSpan? HeartbeatInterval { get; set; }

    /// <summary>How long a long-poll is held open when there is nothing to send.</summary>
    public TimeSpan? Duration { get; set; }
}
