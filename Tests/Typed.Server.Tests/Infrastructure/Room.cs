namespace Typed.Server.Tests.Infrastructure;

/// <summary>Several connected clients over a mix of transports.</summary>
public sealed class Room : IAsyncDisposable
{
    private Room(TransportWire[] members) => Members = members;

    public TransportWire[] Members { get; }

    public static async Task<Room> OpenAsync(SocketServerHost server, int websockets, int polling)
    {
        var transports = Enumerable.Repeat(TransportNames.WebSocket, websockets).Concat(Enumerable.Repeat(TransportNames.XhrPolling, polling));
        var members = new List<TransportWire>();
        foreach (var transport in transports)
        {
            var member = server.Wire(transport);
            await member.OpenAsync();
            await server.Events.ConnectedAsync(member.SessionId);
            members.Add(member);
        }

        return new Room([.. members]);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var member in Members)
        {
            await member.DisposeAsync();
        }
    }
}
