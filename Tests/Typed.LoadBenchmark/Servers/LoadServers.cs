using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Typed.Server;

namespace Typed.LoadBenchmark.Servers;

/// <summary>
/// The three servers, on the same Kestrel defaults and loopback port choice. Each prints the line
/// <c>listening on URL</c> that the load process waits for.
/// </summary>
public static class LoadServers
{
    /// <param name="kind">Which server.</param>
    /// <param name="redis">For ours: the Redis server to join other nodes through, if any.</param>
    /// <param name="cluster">The prefix of that cluster's keys and channels, so that several clusters can share the Redis.</param>
    /// <param name="liveness">For ours: heartbeat and timeouts other than the defaults.</param>
    public static async Task RunAsync(ServerKind kind, string? redis = null, string? cluster = null, Liveness? liveness = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        switch (kind)
        {
            case ServerKind.Typed:
                builder.Services.AddSockets(options =>
                {
                    options.Origins = ["*:*"];
                    options.FlashPolicyPort = 0;
                    options.FlashPolicyAddress = System.Net.IPAddress.Loopback;
                    liveness?.Apply(options);
                });
                if (redis is not null)
                {
                    builder.Services.AddSockets().AddRedisBackplane(options =>
                    {
                        options.Configuration = redis;
                        options.Prefix = cluster ?? options.Prefix;
                    });
                }

                break;
            case ServerKind.SignalR:
                builder.Services.AddSignalR(options => liveness?.Apply(options));
                builder.Services.AddSingleton<HubCounts>();
                if (liveness is not null)
                {
                    builder.Services.Configure<ConnectionOptions>(liveness.Apply);
                }

                break;
        }

        var app = builder.Build();
        switch (kind)
        {
            case ServerKind.Typed:
                var ended = 0L;
                app.MapSockets(sockets =>
                {
                    sockets.ClientMessage += (client, message) => client.Send(message);
                    sockets.ClientDisconnected += _ => Interlocked.Increment(ref ended);
                    sockets.Handle<ILoadServer, TypedLoadHandler>();
                    app.MapGet(ClientCounts.Path, () => new ClientCounts(sockets.ClientsIndex.Count, Interlocked.Read(ref ended)).ToString());
                });
                break;
            case ServerKind.SignalR:
                app.MapHub<LoadHub>("/hub", options => liveness?.Apply(options));
                app.MapGet(ClientCounts.Path, (HubCounts counts) => counts.ToString());
                break;
            case ServerKind.Bare:
                app.UseWebSockets();
                app.Map("/ws", BareWebSocketEcho.RunAsync);
                break;
        }

        await app.StartAsync();
        Console.WriteLine("listening on " + app.Urls.First());
        await app.WaitForShutdownAsync();
    }
}

/// <summary>The hub's connections as our server counts its sessions: held now, and ended since it started.</summary>
internal sealed class HubCounts
{
    private int _held;
    private long _ended;

    public void Connected() => Interlocked.Increment(ref _held);

    public void Disconnected()
    {
        Interlocked.Decrement(ref _held);
        Interlocked.Increment(ref _ended);
    }

    public override string ToString() => new ClientCounts(Volatile.Read(ref _held), Interlocked.Read(ref _ended)).ToString();
}

/// <summary>Our handler: made per event, with the client that sent it.</summary>
internal sealed class TypedLoadHandler(Typed.Server.Client client) : ILoadServer
{
    public Task<string> Echo(string text) => Task.FromResult(text);

    public void Shout(string text) => client.Listener.Broadcast(text);

    public Task<bool> Join(string room) => Task.FromResult(client.Join(room));

    public void ShoutTo(string room, string text) => client.Listener.To(room).Send(text);
}

/// <summary>The same work as a SignalR hub.</summary>
internal sealed class LoadHub(HubCounts counts) : Hub
{
    public override Task OnConnectedAsync()
    {
        counts.Connected();
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        counts.Disconnected();
        return base.OnDisconnectedAsync(exception);
    }

    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "SignalR calls hub methods on the hub instance.")]
    public string Echo(string text) => text;

    /// <summary>The plain echo: a message back to the caller, no answer awaited.</summary>
    public Task Send(string text) => Clients.Caller.SendAsync("Echoed", text);

    public Task Shout(string text) => Clients.All.SendAsync("Heard", text);

    public Task Join(string room) => Groups.AddToGroupAsync(Context.ConnectionId, room);

    public Task ShoutTo(string room, string text) => Clients.Group(room).SendAsync("Heard", text);
}
