using Microsoft.Extensions.DependencyInjection;
using Typed.Server;

namespace Typed.Redis.Tests;

/// <summary>
/// A real redis-server and three server nodes joined through it, each on its own loopback port,
/// with quick heartbeats so that a node's death shows within a second or two.
/// </summary>
public sealed class ThreeNodes : IAsyncDisposable
{
    private readonly List<ClientProbe> _clients = [];

    private ThreeNodes(RedisServer redis, SocketServerHost[] nodes)
    {
        Redis = redis;
        Nodes = nodes;
    }

    public RedisServer Redis { get; }

    public SocketServerHost[] Nodes { get; }

    public static TimeSpan NodeTimeout { get; } = TimeSpan.FromSeconds(1);

    public static async Task<ThreeNodes> StartAsync(
        Action<Listener>? setup = null,
        Action<Microsoft.AspNetCore.Builder.WebApplication>? pipeline = null,
        Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? services = null)
    {
        var redis = await RedisServer.StartAsync();
        var nodes = new SocketServerHost[3];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = await SocketServerHost.StartAsync(
                configure: options => options.Origins = ["127.0.0.1:*"], // pages of any of the nodes, and the Flash policy for their ports
                setup: setup,
                pipeline: pipeline,
                services: builder =>
                {
                    builder.Services.AddSockets().AddRedisBackplane(options =>
                    {
                        options.Configuration = redis.Configuration;
                        options.HeartbeatInterval = TimeSpan.FromMilliseconds(200);
                        options.NodeTimeout = NodeTimeout;
                    });
                    services?.Invoke(builder);
                });
        }

        return new ThreeNodes(redis, nodes);
    }

    /// <summary>A client on one node over one transport, connected, and known to the node as connected.</summary>
    public async Task<ClientProbe> ConnectAsync(int node, string transport, Action<SocketOptions>? options = null)
    {
        var socketOptions = ClientProbe.Options(transport);
        options?.Invoke(socketOptions);
        var client = await ClientProbe.ConnectAsync(Nodes[node], socketOptions);
        _clients.Add(client);
        await Nodes[node].Events.ConnectedAsync(client.Socket.SessionId!);

        // The index is written as the session connects, without waiting: the others know it a moment later.
        var other = Nodes[(node + 1) % Nodes.Length].Listener.Cluster;
        await Wait.UntilAsync(async () => await other.NodeOfAsync(client.Socket.SessionId!) is not null, "the cluster's index holds the new session");
        return client;
    }

    /// <summary>One client of every transport, spread over the three nodes in turn.</summary>
    public async Task<(ClientProbe Client, int Node)[]> ConnectEveryTransportAsync()
    {
        var clients = new List<(ClientProbe, int)>();
        var transports = TransportNames.All.ToArray();
        for (var i = 0; i < transports.Length; i++)
        {
            clients.Add((await ConnectAsync(i % Nodes.Length, transports[i]), i % Nodes.Length));
        }

        return [.. clients];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }
}
