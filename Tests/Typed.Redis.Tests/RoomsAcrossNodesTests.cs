using Typed.TestContracts;

namespace Typed.Redis.Tests;

/// <summary>Sends to rooms whose members are on every node: once each, in each origin's order, to members only.</summary>
public sealed class RoomsAcrossNodesTests
{
    [Fact]
    public async Task Sends_to_a_room_from_every_node_reach_each_member_once_in_each_origin_s_order_and_no_one_else()
    {
        await using var cluster = await ThreeNodes.StartAsync();
        var clients = await cluster.ConnectEveryTransportAsync();

        // Members on every node (two on node 1), of four transports; the other two clients are not.
        var members = new[] { clients[0], clients[1], clients[2], clients[4] };
        var others = new[] { clients[3], clients[5] };
        foreach (var (member, node) in members)
        {
            // The join is known to this node at once: no send after it misses the member, wherever it comes from.
            Assert.True((await cluster.Nodes[node].Events.ConnectedAsync(member.Socket.SessionId!)).Join("lobby"));
        }

        for (var i = 0; i < 60; i++)
        {
            cluster.Nodes[i % 3].Listener.To("lobby").Send($"node {i % 3}: {i}");
        }

        // What follows a node's sends to the room on its broadcasts' channel comes after them: a
        // member hears each node's "end" last of that node's, and a client that is not a member
        // hears the broadcast first.
        for (var node = 0; node < 3; node++)
        {
            cluster.Nodes[node].Listener.To("lobby").Send($"node {node}: end");
            cluster.Nodes[node].Listener.Broadcast($"node {node}: for everyone");
        }

        foreach (var (member, _) in members)
        {
            var received = await ReceiveUntilEveryNodeSaidAsync(member, ": for everyone");
            var fromRoom = received.Where(text => !text.EndsWith(": for everyone", StringComparison.Ordinal)).ToList();
            Assert.Equal(63, fromRoom.Count);
            for (var origin = 0; origin < 3; origin++)
            {
                var expected = Enumerable.Range(0, 60).Where(i => i % 3 == origin).Select(i => $"node {origin}: {i}").Append($"node {origin}: end");
                Assert.Equal(expected, fromRoom.Where(text => text.StartsWith($"node {origin}:", StringComparison.Ordinal)));
            }
        }

        foreach (var (other, _) in others)
        {
            Assert.Equal(
                ["node 0: for everyone", "node 1: for everyone", "node 2: for everyone"],
                (await other.ReceiveAsync(3)).Select(m => m.Text).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Typed_events_sent_to_a_room_from_every_node_reach_the_members_handlers_in_each_origin_s_order()
    {
        await using var cluster = await ThreeNodes.StartAsync();
        var members = new List<ChatView>();
        var others = new List<ChatView>();
        for (var node = 0; node < 3; node++)
        {
            foreach (var member in new[] { true, false })
            {
                var client = await cluster.ConnectAsync(node, node == 1 ? TransportNames.XhrPolling : TransportNames.WebSocket);
                var view = new ChatView($"user {node}");
                client.Socket.Handle<IChatClient>(view);
                if (member)
                {
                    (await cluster.Nodes[node].Events.ConnectedAsync(client.Socket.SessionId!)).Join("match");
                }

                (member ? members : others).Add(view);
            }
        }

        for (var i = 0; i < 30; i++)
        {
            cluster.Nodes[i % 3].Listener.To("match").Events<IChatClient>().Said($"node {i % 3}", $"{i}");
        }

        for (var node = 0; node < 3; node++)
        {
            cluster.Nodes[node].Listener.Events<IChatClient>().Said($"node {node}", "for everyone");
        }

        foreach (var view in members)
        {
            var heard = new List<string>();
            for (var i = 0; i < 33; i++)
            {
                heard.Add(await view.NextAsync());
            }

            for (var origin = 0; origin < 3; origin++)
            {
                var expected = Enumerable.Range(0, 30).Where(i => i % 3 == origin).Select(i => $"node {origin}: {i}").Append($"node {origin}: for everyone");
                Assert.Equal(expected, heard.Where(text => text.StartsWith($"node {origin}:", StringComparison.Ordinal)));
            }
        }

        foreach (var view in others)
        {
            var heard = new[] { await view.NextAsync(), await view.NextAsync(), await view.NextAsync() };
            Assert.Equal(["node 0: for everyone", "node 1: for everyone", "node 2: for everyone"], heard.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task A_send_to_several_rooms_reaches_each_member_once_and_leaves_out_the_excepted_wherever_they_are()
    {
        await using var cluster = await ThreeNodes.StartAsync();
        var inBoth = await JoinedAsync(cluster, 0, TransportNames.WebSocket, "red", "blue");
        var inRed = await JoinedAsync(cluster, 1, TransportNames.XhrPolling, "red");
        var excepted = await JoinedAsync(cluster, 1, TransportNames.WebSocket, "red");
        var inBlue = await JoinedAsync(cluster, 2, TransportNames.ServerEvents, "blue");
        var exceptedHere = await JoinedAsync(cluster, 2, TransportNames.WebSocket, "blue");
        var inNeither = await JoinedAsync(cluster, 2, TransportNames.HtmlFile);
        var sender = cluster.Nodes[2].Listener;

        sender.To("red", "blue").Except(excepted.Socket.SessionId!, exceptedHere.Socket.SessionId!).Send("to red and blue");
        sender.Broadcast("after");

        foreach (var member in new[] { inBoth, inRed, inBlue })
        {
            Assert.Equal(["to red and blue", "after"], (await member.ReceiveAsync(2)).Select(m => m.Text));
        }

        foreach (var other in new[] { excepted, exceptedHere, inNeither })
        {
            Assert.Equal("after", (await other.ReceiveAsync()).Text);
        }
    }

    [Fact]
    public async Task A_client_s_send_to_its_room_reaches_the_other_members_on_every_node_and_not_itself()
    {
        await using var cluster = await ThreeNodes.StartAsync();
        var speaker = await JoinedAsync(cluster, 0, TransportNames.WebSocket, "lobby");
        var nextToIt = await JoinedAsync(cluster, 0, TransportNames.XhrPolling, "lobby");
        var elsewhere = await JoinedAsync(cluster, 1, TransportNames.WebSocket, "lobby");
        var notIn = await JoinedAsync(cluster, 2, TransportNames.WebSocket);
        var speakerOnItsNode = await cluster.Nodes[0].Events.ConnectedAsync(speaker.Socket.SessionId!);

        speakerOnItsNode.To("lobby").Send("from the speaker");
        cluster.Nodes[0].Listener.Broadcast("after");

        Assert.Equal("after", (await speaker.ReceiveAsync()).Text);
        Assert.Equal("after", (await notIn.ReceiveAsync()).Text);
        foreach (var member in new[] { nextToIt, elsewhere })
        {
            Assert.Equal(["from the speaker", "after"], (await member.ReceiveAsync(2)).Select(m => m.Text));
        }
    }

    /// <summary>A client on a node, in the given rooms.</summary>
    private static async Task<ClientProbe> JoinedAsync(ThreeNodes cluster, int node, string transport, params string[] rooms)
    {
        var client = await cluster.ConnectAsync(node, transport);
        var onNode = await cluster.Nodes[node].Events.ConnectedAsync(client.Socket.SessionId!);
        foreach (var room in rooms)
        {
            Assert.True(onNode.Join(room));
        }

        return client;
    }

    private static async Task<List<string>> ReceiveUntilEveryNodeSaidAsync(ClientProbe client, string ending)
    {
        var received = new List<string>();
        while (received.Count(text => text.EndsWith(ending, StringComparison.Ordinal)) < 3)
        {
            received.Add((await client.ReceiveAsync()).Text);
        }

        return received;
    }
}
