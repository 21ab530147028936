namespace Typed.Server.Tests.Rooms;

/// <summary>Sends to several rooms at once, to a room but some sessions, and from a member to the others.</summary>
public sealed class RoomAddressingTests
{
    [Fact]
    public async Task A_send_to_several_rooms_reaches_a_member_of_both_once_and_each_other_member()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var inBoth = await Member.OpenAsync(server);
        await using var inA = await Member.OpenAsync(server, TransportNames.XhrPolling);
        await using var inB = await Member.OpenAsync(server, TransportNames.HtmlFile);
        await using var inNeither = await Member.OpenAsync(server);
        inBoth.Client.Join("a");
        inBoth.Client.Join("b");
        inA.Client.Join("a");
        inB.Client.Join("b");
        inNeither.Client.Join("c");

        server.Listener.To("a", "b").Send("to a and b");
        server.Listener.To("b", "a", "b").Send("named twice");

        Assert.Equal(["to a and b", "named twice"], await inBoth.ReceiveAsync(2));
        Assert.Equal(["to a and b", "named twice"], await inA.ReceiveAsync(2));
        Assert.Equal(["to a and b", "named twice"], await inB.ReceiveAsync(2));
        await inBoth.AssertNothingQueuedAsync();
        await inNeither.AssertNothingQueuedAsync();
    }

    [Fact]
    public async Task Except_leaves_the_named_sessions_out_of_a_send_to_rooms()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var first = await Member.OpenAsync(server);
        await using var second = await Member.OpenAsync(server, TransportNames.XhrPolling);
        await using var third = await Member.OpenAsync(server);
        foreach (var member in new[] { first, second, third })
        {
            member.Client.Join("a");
        }

        second.Client.Join("b");

        server.Listener.To("a").Except(first.SessionId).Send("not to the first");
        server.Listener.To("a", "b").Except(first.SessionId, third.SessionId).Send("to the second only");
        server.Listener.To("a").Except(first.SessionId).Except(second.SessionId).Send("to the third only");
        server.Listener.To("a").Except("no such session").Send("to all three");

        Assert.Equal(["not to the first", "to the second only", "to all three"], await second.ReceiveAsync(3));
        Assert.Equal(["not to the first", "to the third only", "to all three"], await third.ReceiveAsync(3));
        Assert.Equal("to all three", await first.ReceiveAsync());
        await first.AssertNothingQueuedAsync();
        await second.AssertNothingQueuedAsync();
        await third.AssertNothingQueuedAsync();
    }

    [Fact]
    public async Task Except_many_sessions_leaves_each_of_them_out()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var kept = await Member.OpenAsync(server);
        await using var skipped = await Member.OpenAsync(server);
        kept.Client.Join("a");
        skipped.Client.Join("a");

        // Past a few ids the exclusions are looked up in a set rather than the array.
        string[] except = [.. Enumerable.Range(0, 20).Select(i => $"other {i}"), skipped.SessionId];
        server.Listener.To("a").Except(except).Send("not to the skipped");

        Assert.Equal("not to the skipped", await kept.ReceiveAsync());
        await skipped.AssertNothingQueuedAsync();
    }

    [Fact]
    public async Task A_member_sending_to_its_room_reaches_the_others_but_not_itself()
    {
        await using var server = await SocketServerHost.StartAsync(setup: listener =>
            listener.ClientMessage += (client, message) => client.To("lobby").Send(message));
        await using var sender = await Member.OpenAsync(server, TransportNames.XhrPolling);
        await using var other = await Member.OpenAsync(server);
        await using var outsider = await Member.OpenAsync(server);
        sender.Client.Join("lobby");
        other.Client.Join("lobby");

        await sender.Wire.SendAsync("from the sender");

        Assert.Equal("from the sender", await other.ReceiveAsync());
        await sender.AssertNothingQueuedAsync();
        await outsider.AssertNothingQueuedAsync();
    }

    [Fact]
    public async Task A_client_sending_to_rooms_it_is_not_in_reaches_their_members()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var sender = await Member.OpenAsync(server);
        await using var inA = await Member.OpenAsync(server);
        await using var inB = await Member.OpenAsync(server);
        inA.Client.Join("a");
        inB.Client.Join("b");
        sender.Client.Join("b");

        sender.Client.To("a", "b").Send("from outside a");

        Assert.Equal("from outside a", await inA.ReceiveAsync());
        Assert.Equal("from outside a", await inB.ReceiveAsync());
        await sender.AssertNothingQueuedAsync();
    }
}
