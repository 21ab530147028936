namespace Typed.Redis.Tests;

/// <summary>A node killed outright, with no chance to leave: the others take it out of the cluster.</summary>
public sealed class NodeDeathTests
{
    [Fact]
    public async Task A_node_that_dies_is_taken_out_of_the_cluster_s_index_within_its_timeout_and_a_heartbeat()
    {
        await using var cluster = await ThreeNodes.StartAsync();
        var chat = SampleProcess.Start(
            "Chat",
            "--urls", "http://127.0.0.1:0",
            "--Sockets:FlashPolicyPort=0",
            "--Redis:Configuration=" + cluster.Redis.Configuration,
            "--Redis:HeartbeatInterval=00:00:00.200",
            "--Redis:NodeTimeout=00:00:01");
        var url = (await chat.WaitForAsync(SampleProcess.Listening())).Groups["url"].Value;
        // The chat sample opens sessions for signed-in users: sign in, and connect with the cookie.
        using var signedIn = new SocketsHttpHandler { CookieContainer = new System.Net.CookieContainer() };
        using (var http = new HttpClient(signedIn, disposeHandler: false))
        {
            (await http.PostAsync(new Uri(url + "/signin"), new FormUrlEncodedContent([new("name", "node-death")])).Within()).EnsureSuccessStatusCode();
        }

        var options = ClientProbe.Options(TransportNames.WebSocket);
        options.HttpMessageHandler = signedIn;
        await using var client = new ClientProbe(new Uri(url), options);
        await client.Socket.ConnectAsync().Within();
        var sessionId = client.Socket.SessionId!;
        var survivor = cluster.Nodes[0].Listener;
        await Wait.UntilAsync(async () => await survivor.Cluster.NodeOfAsync(sessionId) is not null, "the chat node's client is in the index");

        // It is a node of the cluster like the others: what they send reaches its client.
        Assert.True(await survivor.SendAsync(sessionId, "from node 0").Within());
        while ((await client.ReceiveAsync()).Text != "from node 0")
        {
        }

        await chat.DisposeAsync(); // killed: no leaving, no goodbye
        var limit = ThreeNodes.NodeTimeout + TimeSpan.FromMilliseconds(200) + TimeSpan.FromSeconds(5); // timeout + heartbeat + slack for a loaded machine
        await Wait.UntilAsync(async () => await survivor.Cluster.NodeOfAsync(sessionId) is null, "the dead node's client leaves the index", within: limit);

        Assert.Equal(0, await survivor.Cluster.CountAsync());
        Assert.False(await survivor.SendAsync(sessionId, "too late").Within());
        // The sweeping node logs once its script has answered, just after the index changed.
        await Wait.UntilAsync(() => cluster.Nodes.Any(node => node.Logs.Contains("stopped sending heartbeats")), "a node says it swept the dead one");
    }

    [Fact]
    public async Task A_node_swept_for_a_late_heartbeat_writes_its_sessions_into_the_index_again()
    {
        await using var cluster = await ThreeNodes.StartAsync();
        var client = await cluster.ConnectAsync(1, TransportNames.WebSocket);
        var sessionId = client.Socket.SessionId!;
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(cluster.Redis.Configuration);
        var db = redis.GetDatabase();
        var node = (string)(await db.HashGetAsync("typed:sessions", sessionId))!;

        // As if its heartbeat were late past the timeout: its lease gone, the others sweep it and its
        // sessions out. (Its own next beat may come first and renew the lease: then again.)
        await Wait.UntilAsync(
            async () =>
            {
                await db.KeyDeleteAsync("typed:node:" + node);
                return cluster.Nodes.Any(n => n.Logs.Contains("stopped sending heartbeats"));
            },
            "the others sweep the node out");
        await Wait.UntilAsync(async () => await db.HashGetAsync("typed:sessions", sessionId) == node, "the node's session is in the index again");

        Assert.True(await cluster.Nodes[0].Listener.SendAsync(sessionId, "found again").Within());
        while ((await client.ReceiveAsync()).Text != "found again")
        {
        }
    }
}
