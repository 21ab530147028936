using StackExchange.Redis;
using Typed.TestContracts;
using Typed.Testing.Identity;

namespace Typed.Redis.Tests;

/// <summary>Sends to every session of a user, whichever nodes hold them, and the cluster's index of users.</summary>
public sealed class UsersAcrossNodesTests
{
    [Fact]
    public async Task A_send_to_a_user_reaches_their_sessions_on_every_node_once_each_and_in_the_order_it_was_made()
    {
        await using var cluster = await StartAsync();
        var ann = new[]
        {
            await ConnectAsync(cluster, 0, TransportNames.WebSocket, "ann"),
            await ConnectAsync(cluster, 1, TransportNames.XhrPolling, "ann"),
            await ConnectAsync(cluster, 1, TransportNames.WebSocket, "ann"),
            await ConnectAsync(cluster, 2, TransportNames.WebSocket, "ann"),
        };
        var bob = await ConnectAsync(cluster, 0, TransportNames.WebSocket, "bob");
        var anonymous = await ConnectAsync(cluster, 1, TransportNames.WebSocket, user: null);
        var sender = cluster.Nodes[2].Listener;
        await WaitUntilListedAsync(sender, "ann", ann);

        for (var i = 0; i < 50; i++)
        {
            sender.User("ann").Send($"{i}");
        }

        // Sends to one session from one node keep their order: a repeat, or a send that reached a
        // session it was not for, would come before this last message.
        foreach (var client in ann.Append(bob).Append(anonymous))
        {
            Assert.True(await sender.SendAsync(client.Socket.SessionId!, "last").Within());
        }

        var expected = Enumerable.Range(0, 50).Select(i => $"{i}").Append("last");
        foreach (var client in ann)
        {
            Assert.Equal(expected, (await client.ReceiveAsync(51)).Select(m => m.Text));
        }

        Assert.Equal("last", (await bob.ReceiveAsync()).Text);
        Assert.Equal("last", (await anonymous.ReceiveAsync()).Text);
    }

    [Fact]
    public async Task A_send_to_a_user_leaves_out_the_excepted_sessions_whichever_node_holds_them()
    {
        await using var cluster = await StartAsync();
        var onNode0 = await ConnectAsync(cluster, 0, TransportNames.WebSocket, "ann");
        var first = await ConnectAsync(cluster, 1, TransportNames.WebSocket, "ann");
        var second = await ConnectAsync(cluster, 1, TransportNames.XhrPolling, "ann");
        var sender = cluster.Nodes[2].Listener;
        await WaitUntilListedAsync(sender, "ann", onNode0, first, second);

        sender.User("ann", onNode0.Socket.SessionId!, first.Socket.SessionId!).Send("for the second only");
        sender.User("ann").Send("for all of ann's");

        Assert.Equal(["for the second only", "for all of ann's"], (await second.ReceiveAsync(2)).Select(m => m.Text));
        Assert.Equal("for all of ann's", (await onNode0.ReceiveAsync()).Text);
        Assert.Equal("for all of ann's", (await first.ReceiveAsync()).Text);
    }

    [Fact]
    public async Task Typed_events_sent_to_a_user_reach_the_handlers_of_their_sessions_on_other_nodes()
    {
        await using var cluster = await StartAsync();
        var views = new List<ChatView>();
        var clients = new List<ClientProbe>();
        for (var node = 0; node < 2; node++)
        {
            var client = await ConnectAsync(cluster, node, TransportNames.WebSocket, "ann");
            var view = new ChatView("ann");
            client.Socket.Handle<IChatClient>(view);
            views.Add(view);
            clients.Add(client);
        }

        await WaitUntilListedAsync(cluster.Nodes[2].Listener, "ann", [.. clients]);
        cluster.Nodes[2].Listener.User("ann").Events<IChatClient>().Said("bob", "hello, ann, wherever you are");

        foreach (var view in views)
        {
            Assert.Equal("bob: hello, ann, wherever you are", await view.NextAsync());
        }
    }

    [Fact]
    public async Task Every_node_lists_a_user_s_sessions_on_every_node_and_forgets_one_that_ended()
    {
        await using var cluster = await StartAsync();
        var ann = new[]
        {
            await ConnectAsync(cluster, 0, TransportNames.WebSocket, "ann"),
            await ConnectAsync(cluster, 1, TransportNames.XhrPolling, "ann"),
            await ConnectAsync(cluster, 2, TransportNames.HtmlFile, "ann"),
        };
        await ConnectAsync(cluster, 1, TransportNames.WebSocket, "bob");
        await ConnectAsync(cluster, 2, TransportNames.WebSocket, user: null);

        foreach (var node in cluster.Nodes)
        {
            await WaitUntilListedAsync(node.Listener, "ann", ann);
        }

        var leaving = ann[1];
        var left = cluster.Nodes[1].Events.DisconnectedAsync(leaving.Socket.SessionId!);
        await leaving.Socket.DisposeAsync();
        await left;

        foreach (var node in cluster.Nodes)
        {
            await WaitUntilListedAsync(node.Listener, "ann", ann[0], ann[2]);
        }

        Assert.Single(await cluster.Nodes[0].Listener.Cluster.SessionsOfUserAsync("bob"));
        Assert.Empty(await cluster.Nodes[0].Listener.Cluster.SessionsOfUserAsync(string.Empty));
    }

    [Fact]
    public async Task A_dead_node_s_sessions_leave_their_users_entries_and_a_swept_node_writes_its_own_back()
    {
        await using var cluster = await StartAsync();
        var ann = await ConnectAsync(cluster, 1, TransportNames.WebSocket, "ann");
        var sessionId = ann.Socket.SessionId!;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.Redis.Configuration);
        var db = redis.GetDatabase();
        var node = (string)(await db.HashGetAsync("typed:sessions", sessionId))!;

        // A node that died holding a session of ann's: in the index, with no lease (a member of the
        // cluster last, so that no sweep takes it out before it holds the session).
        await db.HashSetAsync("typed:sessions", "ghost", "dead");
        await db.SetAddAsync("typed:node:dead:sessions", "ghost");
        await db.HashSetAsync("typed:node:dead:users", "ghost", "ann");
        await db.HashSetAsync("typed:user:ann", "ghost", "dead");
        await Wait.UntilAsync(async () => (await cluster.Nodes[0].Listener.Cluster.SessionsOfUserAsync("ann")).Contains("ghost"), "the dead node's session is ann's");
        await db.SetAddAsync("typed:nodes", "dead");
        await Wait.UntilAsync(async () => !(await cluster.Nodes[0].Listener.Cluster.SessionsOfUserAsync("ann")).Contains("ghost"), "the dead node's session leaves its user's entries");
        Assert.Equal([sessionId], await cluster.Nodes[0].Listener.Cluster.SessionsOfUserAsync("ann"));

        // A live node swept for a late heartbeat (its lease gone; its own next beat may come first
        // and renew it: then again): its sessions leave their users' entries, and come back.
        await Wait.UntilAsync(
            async () =>
            {
                await db.KeyDeleteAsync("typed:node:" + node);
                return !await db.HashExistsAsync("typed:user:ann", sessionId);
            },
            "the others sweep the node out");
        await Wait.UntilAsync(async () => (await cluster.Nodes[0].Listener.Cluster.SessionsOfUserAsync("ann")).SequenceEqual([sessionId]), "the swept node's session is its user's again");

        cluster.Nodes[0].Listener.User("ann").Send("found again");
        Assert.Equal("found again", (await ann.ReceiveAsync()).Text);
    }

    private static Task<ThreeNodes> StartAsync() => ThreeNodes.StartAsync(services: builder => builder.AddTestAuthentication());

    /// <summary>A client of <paramref name="user"/> (a bearer token's subject; none for an anonymous one) on a node, in the cluster's index.</summary>
    private static Task<ClientProbe> ConnectAsync(ThreeNodes cluster, int node, string transport, string? user) =>
        cluster.ConnectAsync(node, transport, options =>
        {
            if (user is not null)
            {
                options.Headers["Authorization"] = "Bearer " + TestAuthentication.Token(user);
            }
        });

    private static Task WaitUntilListedAsync(Typed.Server.Listener listener, string user, params ClientProbe[] clients)
    {
        var expected = clients.Select(c => c.Socket.SessionId!).Order(StringComparer.Ordinal).ToArray();
        return Wait.UntilAsync(
            async () => (await listener.Cluster.SessionsOfUserAsync(user)).Order(StringComparer.Ordinal).SequenceEqual(expected),
            $"node {listener.Cluster.NodeId} lists the sessions of {user}");
    }
}
