using Typed.TestContracts;

namespace Typed.Redis.Tests;

/// <summary>Broadcasts, plain and typed, with except-lists, reaching every node's clients once.</summary>
public sealed class BroadcastAcrossNodesTests
{
    [Fact]
    public async Task A_broadcast_from_any_node_reaches_every_client_of_every_transport_on_every_node_once_in_the_order_its_node_sent_it()
    {
        await using var cluster = await ThreeNodes.StartAsync();
        var clients = await cluster.ConnectEveryTransportAsync();

        for (var i = 0; i < 30; i++)
        {
            cluster.Nodes[i % 3].Listener.Broadcast($"node {i % 3}: {i}");
        }

        // A node's envelopes arrive in the order it sent them: once each node's last one is in,
        // everything before it is too, and a repeat would have come before it.
        for (var node = 0; node < 3; node++)
        {
            cluster.Nodes[node].Listener.Broadcast($"node {node}: end");
        }

        foreach (var (client, node) in clients)
        {
            var received = await ReceiveUntilEveryNodeEndedAsync(client);
            Assert.Equal(33, received.Count);
            Assert.Equal(33, received.Distinct().Count());
            for (var origin = 0; origin < 3; origin++)
            {
                var expected = Enumerable.Range(0, 30).Where(i => i % 3 == origin).Select(i => $"node {origin}: {i}").Append($"node {origin}: end");
                Assert.Equal(expected, received.Where(text => text.StartsWith($"node {origin}:", StringComparison.Ordinal)));
            }
        }
    }

    [Fact]
    public async Task A_broadcast_leaves_out_the_excepted_sessions_whichever_node_holds_them()
    {
        await using var cluster = await ThreeNodes.StartAsync();
        var clients = await cluster.ConnectEveryTransportAsync();
        var excepted = new[] { clients[1].Client, clients[3].Client }; // on nodes 1 and 0
        var except = excepted.Select(c => c.Socket.SessionId!).ToArray();

        cluster.Nodes[2].Listener.Broadcast("not for everyone", except);
        cluster.Nodes[2].Listener.Broadcast("for everyone");

        foreach (var (client, _) in clients)
        {
            if (excepted.Contains(client))
            {
                Assert.Equal("for everyone", (await client.ReceiveAsync()).Text);
            }
            else
            {
                Assert.Equal(["not for everyone", "for everyone"], (await client.ReceiveAsync(2)).Select(m => m.Text));
            }
        }
    }

    [Fact]
    public async Task A_typed_broadcast_with_an_except_list_reaches_the_typed_handlers_on_every_node()
    {
        await using var cluster = await ThreeNodes.StartAsync();
        var views = new List<(ChatView View, string SessionId)>();
        for (var node = 0; node < 3; node++)
        {
            var client = await cluster.ConnectAsync(node, TransportNames.WebSocket);
            var view = new ChatView($"user {node}");
            client.Socket.Handle<IChatClient>(view);
            views.Add((view, client.Socket.SessionId!));
        }

        cluster.Nodes[0].Listener.Events<IChatClient>(views[1].SessionId).Said("ann", "not for node 1");
        cluster.Nodes[1].Listener.Events<IChatClient>().Said("bob", "for all");

        cluster.Nodes[0].Listener.Events<IChatClient>().Said("ann", "again, for all");

        // Messages from different nodes are not ordered against each other; one node's are.
        foreach (var view in new[] { views[0].View, views[2].View })
        {
            var heard = new[] { await view.NextAsync(), await view.NextAsync(), await view.NextAsync() };
            Assert.Equal(["ann: again, for all", "ann: not for node 1", "bob: for all"], heard.Order());
            Assert.True(Array.IndexOf(heard, "ann: not for node 1") < Array.IndexOf(heard, "ann: again, for all"));
        }

        // Node 1's client, excepted from ann's first, hears her second as the first of hers.
        var heardOnNode1 = new[] { await views[1].View.NextAsync(), await views[1].View.NextAsync() };
        Assert.Equal(["ann: again, for all", "bob: for all"], heardOnNode1.Order());
    }

    private static async Task<List<string>> ReceiveUntilEveryNodeEndedAsync(ClientProbe client)
    {
        var received = new List<string>();
        while (received.Count(text => text.EndsWith(": end", StringComparison.Ordinal)) < 3)
        {
            received.Add((await client.ReceiveAsync()).Text);
        }

        return received;
    }
}
