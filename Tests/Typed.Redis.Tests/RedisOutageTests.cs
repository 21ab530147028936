namespace Typed.Redis.Tests;

/// <summary>Redis stopped in the middle of a run and started again.</summary>
public sealed class RedisOutageTests
{
    /// <summary>Three runs, between them every transport, on the node that sends and on another.</summary>
    [Theory]
    [InlineData(TransportNames.WebSocket, TransportNames.XhrPolling)]
    [InlineData(TransportNames.ServerEvents, TransportNames.HtmlFile)]
    [InlineData(TransportNames.XhrMultipart, TransportNames.FlashSocket)]
    public async Task While_Redis_is_down_each_node_serves_its_own_clients_and_once_it_is_back_remote_delivery_resumes_with_nothing_twice(string localTransport, string remoteTransport)
    {
        await using var cluster = await ThreeNodes.StartAsync();
        var local = await cluster.ConnectAsync(0, localTransport);
        var remote = await cluster.ConnectAsync(1, remoteTransport);
        var sender = cluster.Nodes[0].Listener;

        sender.Broadcast("before");
        Assert.Equal("before", (await local.ReceiveAsync()).Text);
        Assert.Equal("before", (await remote.ReceiveAsync()).Text);

        await cluster.Redis.StopAsync();
        sender.Broadcast("during");
        Assert.Equal("during", (await local.ReceiveAsync()).Text);
        Assert.True(await sender.SendAsync(local.Socket.SessionId!, "to a local session").Within());
        Assert.Equal("to a local session", (await local.ReceiveAsync()).Text);

        // What needs Redis says so, rather than hang: the cluster's count, a send to a remote session.
        await Wait.UntilAsync(() => Refused(() => sender.Cluster.CountAsync()), "the cluster's count is refused while Redis is down");
        await Assert.ThrowsAsync<StackExchange.Redis.RedisConnectionException>(() => sender.SendAsync(remote.Socket.SessionId!, "needs Redis"));

        await cluster.Redis.StartAgainAsync();

        // Probes until one reaches the other node: the backplane has reconnected and resubscribed.
        var heardRemotely = new List<string>();
        var probes = 0;
        var remoteNext = remote.ReceiveAsync();
        while (!remoteNext.IsCompleted)
        {
            sender.Broadcast($"probe {probes++}");
            await Task.WhenAny(remoteNext, Task.Delay(TimeSpan.FromMilliseconds(200)));
        }

        sender.Broadcast("after");
        var heardLocally = new List<string>();
        while (heardLocally.LastOrDefault() != "after")
        {
            heardLocally.Add((await local.ReceiveAsync()).Text);
        }

        heardRemotely.Add((await remoteNext).Text);
        while (heardRemotely.Last() != "after")
        {
            heardRemotely.Add((await remote.ReceiveAsync()).Text);
        }

        var sentSince = Enumerable.Range(0, probes).Select(i => $"probe {i}").Append("after").ToList();
        Assert.Equal(sentSince, heardLocally);

        // What the other node hears is in order and never twice; "during" may come late, from the
        // backlog, or not at all, and the first probes may have gone out before it resubscribed.
        Assert.Equal(heardRemotely.Distinct(), heardRemotely);
        Assert.Equal(heardRemotely.Where(text => text != "during"), sentSince.Where(heardRemotely.Contains));
        Assert.Equal("after", heardRemotely.Last());

        // And the index, which the restarted Redis had lost, is written again.
        // (A node may reconnect to Redis later than the others, and is refused until it has.)
        await Wait.UntilAsync(async () => await CountOnceReachableAsync(cluster.Nodes[2].Listener.Cluster) == 2, "the index holds both clients again");
    }

    private static async Task<long?> CountOnceReachableAsync(Typed.Server.Cluster cluster)
    {
        try
        {
            return await cluster.CountAsync();
        }
        catch (StackExchange.Redis.RedisConnectionException)
        {
            return null;
        }
    }

    private static async Task<bool> Refused(Func<Task> ask)
    {
        try
        {
            await ask();
            return false;
        }
        catch (StackExchange.Redis.RedisConnectionException)
        {
            return true;
        }
    }
}
