using Microsoft.Extensions.DependencyInjection;
using Typed.Server;

namespace Typed.Redis.Tests;

/// <summary>
/// A node in a process of its own, so that a test can kill it outright (no leaving, no goodbye).
/// It joins the cluster through the Redis its argument names, with the tests' quick heartbeats; a
/// client's plain message names a room for it to join, and is answered "joined {room}".
/// </summary>
public sealed class RoomNode : IAsyncDisposable
{
    private readonly SampleProcess _process;
    private bool _killed;

    private RoomNode(SampleProcess process, Uri url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>Where it listens.</summary>
    public Uri Url { get; }

    public static async Task Main(string[] args)
    {
        if (args is not [var redis])
        {
            throw new ArgumentException("Name the Redis to join the cluster through.", nameof(args));
        }

        await using var node = await SocketServerHost.StartAsync(
            setup: listener => listener.ClientMessage += (client, message) =>
            {
                client.Join(message.Text);
                client.Send("joined " + message.Text);
            },
            services: builder => builder.Services.AddSockets().AddRedisBackplane(options =>
            {
                options.Configuration = redis;
                options.HeartbeatInterval = TimeSpan.FromMilliseconds(200);
                options.NodeTimeout = ThreeNodes.NodeTimeout;
            }));
        Console.WriteLine("Now listening on: " + node.BaseUri);

        // Until killed (or its input closed).
        await Console.In.ReadToEndAsync();
    }

    /// <summary>Starts the node; returns it once it listens.</summary>
    public static async Task<RoomNode> StartAsync(RedisServer redis)
    {
        var process = SampleProcess.Run("dotnet", typeof(RoomNode).Assembly.Location, redis.Configuration);
        try
        {
            var url = (await process.WaitForAsync(SampleProcess.Listening())).Groups["url"].Value;
            return new RoomNode(process, new Uri(url));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the process outright, once.</summary>
    public async Task KillAsync()
    {
        if (!_killed)
        {
            _killed = true;
            await _process.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await KillAsync();
}
