using System.Diagnostics;
using StackExchange.Redis;

namespace Typed.Redis.Tests;

/// <summary>
/// The cluster's index of rooms, read from every node, through leaves, ends, a node's death and a
/// Redis restart; and members that move to another node while a node sends to their room.
/// </summary>
public sealed class RoomMembershipAcrossNodesTests
{
    [Fact]
    public async Task Every_node_lists_every_node_s_members_and_forgets_one_that_left_or_ended()
    {
        await using var cluster = await ThreeNodes.StartAsync();
        var members = new List<(ClientProbe Client, Typed.Server.Client OnNode)>();
        for (var node = 0; node < 3; node++)
        {
            foreach (var transport in new[] { TransportNames.WebSocket, TransportNames.XhrPolling })
            {
                var client = await cluster.ConnectAsync(node, transport);
                var onNode = await cluster.Nodes[node].Events.ConnectedAsync(client.Socket.SessionId!);
                onNode.Join("lobby");
                members.Add((client, onNode));
            }
        }

        await cluster.ConnectAsync(2, TransportNames.WebSocket); // in no room
        await RoomListing.WaitUntilListedAsync(cluster.Nodes, "lobby", members.Select(m => m.OnNode.SessionId));

        // One leaves the room on node 0; one on node 2 ends its session.
        Assert.True(members[0].OnNode.Leave("lobby"));
        var ending = members[5];
        var ended = cluster.Nodes[2].Events.DisconnectedAsync(ending.OnNode.SessionId);
        await ending.Client.Socket.DisposeAsync();
        await ended;

        var staying = members.Skip(1).Take(4).Select(m => m.OnNode.SessionId).ToArray();
        await RoomListing.WaitUntilListedAsync(cluster.Nodes, "lobby", staying);
        Assert.Empty(await cluster.Nodes[1].Listener.Cluster.SessionsInRoomAsync("nobody's room"));
        Assert.Equal(0, await cluster.Nodes[1].Listener.Cluster.CountInRoomAsync("nobody's room"));
    }

    [Fact]
    public async Task A_dead_node_s_members_leave_the_room_in_its_timeout_and_one_that_moves_hears_every_message_from_its_join_on()
    {
        await using var cluster = await ThreeNodes.StartAsync();
        await using var doomed = await RoomNode.StartAsync(cluster.Redis);
        var survivors = new List<ClientProbe>();
        for (var node = 0; node < 2; node++)
        {
            var survivor = await cluster.ConnectAsync(node, TransportNames.WebSocket);
            (await cluster.Nodes[node].Events.ConnectedAsync(survivor.Socket.SessionId!)).Join("lobby");
            survivors.Add(survivor);
        }

        // A member on the node that will die, joined through a message its node answers.
        await using var moving = new ClientProbe(doomed.Url, ClientProbe.Options(TransportNames.WebSocket));
        await moving.Socket.ConnectAsync().Within();
        await moving.Socket.SendAsync("lobby").AsTask().Within();
        Assert.Equal("joined lobby", (await moving.ReceiveAsync()).Text);
        var deadSession = moving.Socket.SessionId!;
        await RoomListing.WaitUntilListedAsync(cluster.Nodes, "lobby", survivors.Select(s => s.Socket.SessionId!).Append(deadSession));

        var stream = new RoomStream(cluster.Nodes[2].Listener, "lobby");
        await RoomStream.ReceiveNumberAsync(moving); // the run reaches the doomed node's member too
        await doomed.KillAsync(); // killed: no leaving, no goodbye

        var limit = ThreeNodes.NodeTimeout + TimeSpan.FromMilliseconds(200) + TimeSpan.FromSeconds(5); // timeout + heartbeat + slack for a loaded machine
        await RoomListing.WaitUntilListedAsync(cluster.Nodes, "lobby", survivors.Select(s => s.Socket.SessionId!), limit);

        // Its client comes back as a new session on another node and joins the room again.
        var movedTo = await cluster.ConnectAsync(1, TransportNames.XhrPolling);
        var moved = await cluster.Nodes[1].Events.ConnectedAsync(movedTo.Socket.SessionId!);
        var sent = await stream.JoinAndHearToTheEndAsync(moved, movedTo);

        // The members that stayed heard the whole run, once, in order.
        foreach (var survivor in survivors)
        {
            Assert.Equal(Enumerable.Range(0, sent), await RoomStream.ReceiveToEndAsync(survivor, []));
        }
    }

    [Fact]
    public async Task A_member_that_leaves_and_comes_back_on_another_node_hears_every_message_from_its_join_on()
    {
        await using var cluster = await ThreeNodes.StartAsync();
        var first = await cluster.ConnectAsync(1, TransportNames.WebSocket);
        (await cluster.Nodes[1].Events.ConnectedAsync(first.Socket.SessionId!)).Join("match");
        var stream = new RoomStream(cluster.Nodes[0].Listener, "match");
        var heardFirst = new List<int>();
        while (heardFirst.Count < 10)
        {
            heardFirst.Add(await RoomStream.ReceiveNumberAsync(first));
        }

        Assert.Equal(Enumerable.Range(heardFirst[0], 10), heardFirst);
        var left = cluster.Nodes[1].Events.DisconnectedAsync(first.Socket.SessionId!);
        await first.Socket.DisposeAsync();
        await left;

        var again = await cluster.ConnectAsync(2, TransportNames.ServerEvents);
        await stream.JoinAndHearToTheEndAsync(await cluster.Nodes[2].Events.ConnectedAsync(again.Socket.SessionId!), again);
    }

    [Fact]
    public async Task After_Redis_restarts_each_node_writes_its_memberships_again_and_sends_to_rooms_flow_again()
    {
        await using var cluster = await ThreeNodes.StartAsync();
        var members = new List<ClientProbe>();
        for (var node = 0; node < 3; node++)
        {
            var member = await cluster.ConnectAsync(node, node == 0 ? TransportNames.WebSocket : TransportNames.XhrPolling);
            (await cluster.Nodes[node].Events.ConnectedAsync(member.Socket.SessionId!)).Join("lobby");
            members.Add(member);
        }

        await cluster.ConnectAsync(1, TransportNames.WebSocket); // in no room
        var sessionIds = members.Select(m => m.Socket.SessionId!).ToArray();
        await RoomListing.WaitUntilListedAsync(cluster.Nodes, "lobby", sessionIds);

        await cluster.Redis.StopAsync();
        await cluster.Redis.StartAgainAsync();
        await RoomListing.WaitUntilListedAsync(cluster.Nodes, "lobby", sessionIds);

        // Probes until one reaches the farthest member: every node has resubscribed by then.
        var sender = cluster.Nodes[0].Listener;
        foreach (var member in members.Skip(1))
        {
            var next = member.ReceiveAsync();
            var giveUp = Stopwatch.StartNew();
            while (!next.IsCompleted)
            {
                Assert.True(giveUp.Elapsed < Wait.Long, "a probe reaches every member once Redis is back");
                sender.To("lobby").Send("probe");
                await Task.WhenAny(next, Task.Delay(TimeSpan.FromMilliseconds(200)));
            }
        }

        sender.To("lobby").Send("after");
        foreach (var member in members)
        {
            while ((await member.ReceiveAsync()).Text != "after")
            {
            }
        }
    }

    [Fact]
    public async Task A_node_swept_for_a_late_heartbeat_writes_its_memberships_back_while_its_sessions_join_and_leave()
    {
        await using var cluster = await ThreeNodes.StartAsync();
        var member = await cluster.ConnectAsync(1, TransportNames.WebSocket);
        var onNode = await cluster.Nodes[1].Events.ConnectedAsync(member.Socket.SessionId!);
        onNode.Join("lobby");
        var busy = await cluster.Nodes[1].Events.ConnectedAsync((await cluster.ConnectAsync(1, TransportNames.WebSocket)).Socket.SessionId!);
        await RoomListing.WaitUntilListedAsync(cluster.Nodes, "lobby", [onNode.SessionId]);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.Redis.Configuration);
        var db = redis.GetDatabase();
        var node = (string)(await db.HashGetAsync("typed:sessions", onNode.SessionId))!;

        // A session that joins and leaves a room all the while: the node writes its index afresh
        // while memberships change under it.
        using var stop = new CancellationTokenSource();
        var churns = 0;
        var churning = Task.Factory.StartNew(
            () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    busy.Join("busy");
                    busy.Leave("busy");
                    Interlocked.Increment(ref churns);
                }
            },
            TaskCreationOptions.LongRunning);

        // As if its heartbeat were late past the timeout: its lease gone, the others sweep it, and
        // its memberships, out. (Its own next beat may come first and renew the lease: then again.)
        await Wait.UntilAsync(
            async () =>
            {
                await db.KeyDeleteAsync("typed:node:" + node);
                return cluster.Nodes.Any(n => n.Logs.Contains("stopped sending heartbeats"));
            },
            "the others sweep the node out");
        await RoomListing.WaitUntilListedAsync(cluster.Nodes, "lobby", [onNode.SessionId]);

        // The churn went on through the rewrite, and ends out of the room.
        var before = Volatile.Read(ref churns);
        await Wait.UntilAsync(() => Volatile.Read(ref churns) > before, "the session keeps joining and leaving");
        await stop.CancelAsync();
        await churning.Within();
        await RoomListing.WaitUntilListedAsync(cluster.Nodes, "busy", []);

        cluster.Nodes[0].Listener.To("lobby").Send("found again");
        Assert.Equal("found again", (await member.ReceiveAsync()).Text);
    }
}
