namespace Typed.Server.Tests.Rooms;

/// <summary>Membership belongs to the session: it outlives a cut downstream and a change of transport.</summary>
public sealed class RoomReconnectionTests
{
    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_member_whose_downstream_was_cut_gets_the_room_send_on_reconnect_and_stays_in_the_room(string transport)
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var member = await Member.OpenAsync(server, transport);
        member.Client.Join("lobby");

        await member.Wire.DropAsync();
        await Wait.UntilAsync(() => !member.Client.Connected, "the server sees the downstream gone");
        server.Listener.To("lobby").Send("while away");
        await member.Wire.ReattachAsync();

        Assert.Equal("while away", await member.ReceiveAsync());
        Assert.Equal(["lobby"], member.Client.Rooms);
        Assert.Equal([member.Client], server.Listener.ClientsIn("lobby"));
        server.Listener.To("lobby").Send("after");
        Assert.Equal("after", await member.ReceiveAsync());
        Assert.Equal(0, server.Events.DisconnectCount(member.SessionId));
    }

    [Theory]
    [InlineData(TransportNames.WebSocket, TransportNames.XhrPolling)]
    [InlineData(TransportNames.XhrPolling, TransportNames.WebSocket)]
    [InlineData(TransportNames.WebSocket, TransportNames.ServerEvents)]
    [InlineData(TransportNames.HtmlFile, TransportNames.XhrMultipart)]
    public async Task A_member_that_comes_back_on_another_transport_keeps_its_rooms(string first, string then)
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var member = await Member.OpenAsync(server, first);
        member.Client.Join("lobby");
        member.Client.Join("games");
        await member.Wire.DropAsync();
        await Wait.UntilAsync(() => !member.Client.Connected, "the server sees the downstream gone");

        server.Listener.To("lobby").Send("while away");
        await using var moved = server.Wire(then);
        moved.Adopt(member.SessionId);
        await moved.ReattachAsync();
        server.Listener.To("games").Send("after the move");

        Assert.Equal(["while away", "after the move"], (await moved.ReceiveAsync(2)).Select(m => m.Text));
        Assert.Equal(["games", "lobby"], member.Client.Rooms.Order(StringComparer.Ordinal));
        Assert.Same(member.Client, server.Listener.ClientsIndex[member.SessionId]);
        Assert.Equal(0, server.Events.DisconnectCount(member.SessionId));
    }
}
