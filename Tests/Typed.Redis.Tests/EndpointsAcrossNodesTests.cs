using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Typed.Server;

namespace Typed.Redis.Tests;

/// <summary>
/// Every mapped endpoint spans the nodes, each apart from the others: its broadcasts, its sends
/// and its index of sessions reach its own clients on every node, never another endpoint's.
/// </summary>
public sealed class EndpointsAcrossNodesTests
{
    [Fact]
    public async Task Each_endpoint_spans_the_nodes_apart_from_the_others()
    {
        await using var cluster = await ThreeNodes.StartAsync(pipeline: app => app.MapSockets(
            "admin",
            admin => admin.ClientMessage += (client, message) => client.Send("admin: " + message.Text)));
        var admins = cluster.Nodes.Select(node => node.Services.GetRequiredKeyedService<Listener>("admin")).ToArray();
        await using var operatorOn0 = await ConnectAdminAsync(cluster.Nodes[0], TransportNames.WebSocket);
        await using var operatorOn1 = await ConnectAdminAsync(cluster.Nodes[1], TransportNames.XhrPolling);
        var userOn1 = await cluster.ConnectAsync(1, TransportNames.WebSocket);
        await Wait.UntilAsync(async () => await admins[2].Cluster.CountAsync() == 2, "node 2's admin endpoint knows both operators");

        admins[2].Broadcast("to the admins");
        cluster.Nodes[2].Listener.Broadcast("to the users");
        var sentToOperator = await admins[2].SendAsync(operatorOn0.Socket.SessionId!, "just you");
        var sentThroughTheWrongEndpoint = await cluster.Nodes[2].Listener.SendAsync(operatorOn0.Socket.SessionId!, "wrong door");
        admins[0].Broadcast("admins: end");
        cluster.Nodes[0].Listener.Broadcast("users: end");

        Assert.True(sentToOperator);
        Assert.False(sentThroughTheWrongEndpoint);
        Assert.Equal(1, await cluster.Nodes[2].Listener.Cluster.CountAsync());
        // Order holds per origin node only: compared as sets, each client's share exactly.
        Assert.Equal(["admins: end", "just you", "to the admins"], (await operatorOn0.ReceiveAsync(3)).Select(m => m.Text).Order());
        Assert.Equal(["admins: end", "to the admins"], (await operatorOn1.ReceiveAsync(2)).Select(m => m.Text).Order());
        Assert.Equal(["to the users", "users: end"], (await userOn1.ReceiveAsync(2)).Select(m => m.Text).Order());
        await operatorOn1.Socket.SendAsync("hello");
        Assert.Equal("admin: hello", (await operatorOn1.ReceiveAsync()).Text);
    }

    private static async Task<ClientProbe> ConnectAdminAsync(SocketServerHost node, string transport)
    {
        var options = ClientProbe.Options(transport);
        options.Resource = "admin";
        return await ClientProbe.ConnectAsync(node, options);
    }
}
