namespace Typed.Server.Tests.Infrastructure;

/// <summary>One transport's side of the protocol spoken by hand, so one test can run over every transport.</summary>
public abstract class TransportWire : IAsyncDisposable
{
    /// <summary>Messages of frames already read but not yet handed out.</summary>
    protected Queue<Message> Pending { get; } = new();

    public abstract string Transport { get; }

    public string SessionId { get; protected set; } = string.Empty;

    /// <summary>Takes over a session another wire opened, as a reconnecting client (or a thief holding its id) would.</summary>
    public void Adopt(string sessionId) => SessionId = sessionId;

    /// <summary>Sends <paramref name="name"/> with every later request and upgrade (<c>Authorization</c>, <c>Cookie</c>).</summary>
    public abstract void SetHeader(string name, string value);

    /// <summary>Opens a new session; returns the messages that followed the handshake in the first frame.</summary>
    public abstract Task<IReadOnlyList<Message>> OpenAsync();

    /// <summary>The next frame that carries messages.</summary>
    public abstract Task<IReadOnlyList<Message>> ReceiveFrameAsync();

    public abstract Task SendAsync(params Message[] messages);

    /// <summary>Drops the downstream connection, leaving the session to the server's queue.</summary>
    public abstract Task DropAsync();

    /// <summary>Says the session is over: a WebSocket closes with 4000, HTTP transports post <c>.../leave</c>.</summary>
    public abstract Task LeaveAsync();

    /// <summary>Opens the downstream again, naming the session.</summary>
    public abstract Task ReattachAsync();

    /// <summary>Waits until the transport's idle heartbeat arrives.</summary>
    public abstract Task ExpectHeartbeatAsync();

    public abstract ValueTask DisposeAsync();

    /// <summary>The next message, whichever frame it comes in.</summary>
    public async Task<Message> ReceiveAsync()
    {
        while (Pending.Count == 0)
        {
            foreach (var message in await ReceiveFrameAsync())
            {
                Pending.Enqueue(message);
            }
        }

        return Pending.Dequeue();
    }

    public async Task<IReadOnlyList<Message>> ReceiveAsync(int count)
    {
        var messages = new List<Message>();
        while (messages.Count < count)
        {
            messages.Add(await ReceiveAsync());
        }

        return messages;
    }
}
