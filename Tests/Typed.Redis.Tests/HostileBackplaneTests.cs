using System.Buffers;
using MessagePack;
using StackExchange.Redis;

namespace Typed.Redis.Tests;

/// <summary>What arrives on the backplane's channels without being an envelope of ours.</summary>
public sealed class HostileBackplaneTests
{
    [Fact]
    public async Task Junk_and_forged_envelopes_on_the_channels_are_logged_and_dropped_and_delivery_goes_on()
    {
        await using var cluster = await ThreeNodes.StartAsync();
        var client = await cluster.ConnectAsync(1, TransportNames.WebSocket);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.Redis.Configuration);
        var broadcasts = RedisChannel.Literal("typed:broadcast");

        await redis.GetSubscriber().PublishAsync(broadcasts, "not MessagePack at all");
        await redis.GetSubscriber().PublishAsync(broadcasts, Forged(json: "{not json"));
        await redis.GetSubscriber().PublishAsync(broadcasts, Forged(json: "\"fine\"", kind: 7));
        await redis.GetSubscriber().PublishAsync(broadcasts, Array.Empty<byte>());
        cluster.Nodes[0].Listener.Broadcast("after the junk");

        Assert.Equal("after the junk", (await client.ReceiveAsync()).Text);
        await Wait.UntilAsync(() => cluster.Nodes[1].Logs.Entries.Count(e => e.Message.Contains("not an envelope", StringComparison.Ordinal)) >= 4, "each piece of junk logged");
    }

    /// <summary>An envelope of the right shape whose message or kind is wrong.</summary>
    private static byte[] Forged(string json, int kind = 0)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(5);
        writer.Write(kind);
        writer.Write("forger");
        writer.Write(1L);
        writer.WriteArrayHeader(0);
        writer.Write(System.Text.Encoding.UTF8.GetBytes(json));
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}
