using System.Net;
using Typed.TestContracts;

namespace Typed.Redis.Tests;

/// <summary>Sends to a session another node holds, the cluster's index, and requests that reach the wrong node.</summary>
public sealed class SessionsAcrossNodesTests
{
    [Fact]
    public async Task A_message_sent_to_a_session_id_reaches_its_client_on_whichever_node_holds_it()
    {
        await using var cluster = await ThreeNodes.StartAsync();
        var clients = await cluster.ConnectEveryTransportAsync();

        foreach (var (client, node) in clients)
        {
            var sender = cluster.Nodes[(node + 1) % 3].Listener;
            Assert.True(await sender.SendAsync(client.Socket.SessionId!, $"for {client.Socket.Transport}").Within());
        }

        foreach (var (client, _) in clients)
        {
            Assert.Equal($"for {client.Socket.Transport}", (await client.ReceiveAsync()).Text);
        }

        Assert.False(await cluster.Nodes[0].Listener.SendAsync("no-such-session", "lost").Within());
    }

    [Fact]
    public async Task A_typed_event_sent_to_a_session_id_reaches_its_handler_on_another_node()
    {
        await using var cluster = await ThreeNodes.StartAsync();
        var client = await cluster.ConnectAsync(2, TransportNames.XhrPolling);
        var view = new ChatView("carol");
        client.Socket.Handle<IChatClient>(view);

        cluster.Nodes[0].Listener.EventsFor<IChatClient>(client.Socket.SessionId!).Said("dan", "just for you");

        Assert.Equal("dan: just for you", await view.NextAsync());
    }

    [Fact]
    public async Task Sends_to_a_session_on_another_node_arrive_in_the_order_they_were_made_without_being_awaited()
    {
        await using var cluster = await ThreeNodes.StartAsync();
        var client = await cluster.ConnectAsync(2, TransportNames.WebSocket);
        var view = new ChatView("erin");
        client.Socket.Handle<IChatClient>(view);
        await Wait.UntilAsync(async () => await cluster.Nodes[0].Listener.Cluster.NodeOfAsync(client.Socket.SessionId!) is not null, "node 0 knows where the session is");

        var events = cluster.Nodes[0].Listener.EventsFor<IChatClient>(client.Socket.SessionId!);
        for (var i = 0; i < 200; i++)
        {
            events.Said("fay", $"{i}");
        }

        for (var i = 0; i < 200; i++)
        {
            Assert.Equal($"fay: {i}", await view.NextAsync());
        }
    }

    [Fact]
    public async Task Every_node_counts_and_lists_every_node_s_clients_and_knows_which_node_holds_each()
    {
        await using var cluster = await ThreeNodes.StartAsync();
        var clients = await cluster.ConnectEveryTransportAsync();
        var ids = clients.Select(c => c.Client.Socket.SessionId!).Order().ToArray();

        foreach (var node in cluster.Nodes)
        {
            await Wait.UntilAsync(async () => await node.Listener.Cluster.CountAsync() == clients.Length, "every node counts every client");
            Assert.Equal(ids, (await node.Listener.Cluster.SessionIdsAsync()).Order());
            foreach (var (client, holder) in clients)
            {
                Assert.Equal(cluster.Nodes[holder].Listener.Cluster.NodeId, await node.Listener.Cluster.NodeOfAsync(client.Socket.SessionId!));
            }
        }

        Assert.Equal(3, cluster.Nodes.Select(n => n.Listener.Cluster.NodeId).Distinct().Count());

        var leaving = clients[4].Client;
        var left = cluster.Nodes[clients[4].Node].Events.DisconnectedAsync(leaving.Socket.SessionId!);
        await leaving.Socket.DisposeAsync();
        await left;
        foreach (var node in cluster.Nodes)
        {
            await Wait.UntilAsync(async () => await node.Listener.Cluster.CountAsync() == clients.Length - 1, "every node counts the client that left out");
            Assert.Null(await node.Listener.Cluster.NodeOfAsync(leaving.Socket.SessionId!));
        }
    }

    [Fact]
    public async Task A_polling_request_for_a_session_that_reaches_another_node_is_refused_as_misdirected_and_the_session_goes_on()
    {
        await using var cluster = await ThreeNodes.StartAsync();
        var client = await cluster.ConnectAsync(0, TransportNames.XhrPolling);
        var sessionId = client.Socket.SessionId!;
        await Wait.UntilAsync(async () => await cluster.Nodes[1].Listener.Cluster.NodeOfAsync(sessionId) is not null, "node 1 knows where the session is");

        using var http = new HttpClient { BaseAddress = cluster.Nodes[1].BaseUri };
        using var poll = await http.GetAsync($"/socket.io/xhr-polling/{sessionId}/1").Within();
        using var send = await http.PostAsync($"/socket.io/xhr-polling/{sessionId}/send", new FormUrlEncodedContent([new("data", "~m~5~m~stray")])).Within();
        using var unknown = await http.GetAsync("/socket.io/xhr-polling/no-such-session/1").Within();

        Assert.Equal(HttpStatusCode.MisdirectedRequest, poll.StatusCode);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, send.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.True(cluster.Nodes[1].Logs.Contains("sticky sessions"));
        Assert.Empty(cluster.Nodes[1].Listener.ClientsIndex);

        cluster.Nodes[0].Listener.Broadcast("still here");
        Assert.Equal("still here", (await client.ReceiveAsync()).Text);
    }
}
