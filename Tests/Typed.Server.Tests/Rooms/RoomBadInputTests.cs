namespace Typed.Server.Tests.Rooms;

/// <summary>Room names that cannot be are refused at the call, before anything is sent or changed.</summary>
public sealed class RoomBadInputTests
{
    [Fact]
    public async Task A_null_room_name_is_refused_everywhere_a_room_is_named()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var member = await Member.OpenAsync(server);
        var listener = server.Listener;

        Assert.Equal("room", Assert.Throws<ArgumentNullException>(() => member.Client.Join(null!)).ParamName);
        Assert.Equal("room", Assert.Throws<ArgumentNullException>(() => member.Client.Leave(null!)).ParamName);
        Assert.Equal("room", Assert.Throws<ArgumentNullException>(() => listener.ClientsIn(null!)).ParamName);
        Assert.Equal("rooms", Assert.Throws<ArgumentNullException>(() => listener.To(null!)).ParamName);
        Assert.Equal("rooms", Assert.Throws<ArgumentException>(() => listener.To("a", null!)).ParamName);
        Assert.Equal("rooms", Assert.Throws<ArgumentException>(() => member.Client.To(null!, "a")).ParamName);
        Assert.Equal("sessionIds", Assert.Throws<ArgumentNullException>(() => listener.To("a").Except(null!)).ParamName);
        await Assert.ThrowsAsync<ArgumentNullException>(() => listener.Cluster.SessionsInRoomAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => listener.Cluster.CountInRoomAsync(null!));
        Assert.Empty(member.Client.Rooms);
    }

    [Fact]
    public async Task Naming_no_room_is_refused()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var member = await Member.OpenAsync(server);

        Assert.Equal("rooms", Assert.Throws<ArgumentException>(() => server.Listener.To()).ParamName);
        Assert.Equal("rooms", Assert.Throws<ArgumentException>(() => member.Client.To()).ParamName);
        Assert.Equal("rooms", Assert.Throws<ArgumentException>(() => server.Listener.To([])).ParamName);
    }
}
