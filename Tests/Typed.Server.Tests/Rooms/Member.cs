namespace Typed.Server.Tests.Rooms;

/// <summary>A connected hand-spoken client of a test server, with its server-side <see cref="Client"/>.</summary>
internal sealed class Member(TransportWire wire, Client client) : IAsyncDisposable
{
    public TransportWire Wire { get; } = wire;

    public Client Client { get; } = client;

    public string SessionId => Client.SessionId;

    public static async Task<Member> OpenAsync(SocketServerHost server, string transport = TransportNames.WebSocket)
    {
        var wire = server.Wire(transport);
        await wire.OpenAsync();
        return new Member(wire, await server.Events.ConnectedAsync(wire.SessionId));
    }

    /// <summary>The text of the next message, whichever frame it comes in.</summary>
    public async Task<string> ReceiveAsync() => (await Wire.ReceiveAsync()).Text;

    public async Task<string[]> ReceiveAsync(int count) => [.. (await Wire.ReceiveAsync(count)).Select(message => message.Text)];

    // Messages to one session keep their order: had a send to a room been queued for this session,
    // it would arrive before a message sent to it directly afterwards.
    public async Task AssertNothingQueuedAsync()
    {
        Client.Send("direct");
        Assert.Equal("direct", await ReceiveAsync());
    }

    public ValueTask DisposeAsync() => Wire.DisposeAsync();
}
