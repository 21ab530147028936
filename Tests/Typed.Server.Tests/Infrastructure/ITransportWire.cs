namespace Typed.Server.Tests.Infrastructure;

/// <summary>One transport's side of the protocol spoken by hand, so one test can run over every transport.</summary>
public interface ITransportWire : IAsyncDisposable
{
    string Transport { get; }

    string SessionId { get; }

    /// <summary>Opens a new session; returns the messages that followed the handshake in the first frame.</summary>
    Task<IReadOnlyList<Message>> OpenAsync();

    /// <summary>The next frame that carries messages.</summary>
    Task<IReadOnlyList<Message>> ReceiveFrameAsync();

    /// <summary>The next message, whichever frame it comes in.</summary>
    Task<Message> ReceiveAsync();

    Task SendAsync(params Message[] messages);

    /// <summary>Drops the downstream connection, leaving the session to the server's queue.</summary>
    Task DropAsync();

    /// <summary>Opens the downstream again, naming the session.</summary>
    Task ReattachAsync();

    /// <summary>Waits until the transport's idle heartbeat arrives.</summary>
    Task ExpectHeartbeatAsync();
}
