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

    [Fact]
    public async Task Malformed_envelopes_for_rooms_are_logged_and_dropped_and_sends_to_rooms_go_on()
    {
        await using var cluster = await ThreeNodes.StartAsync();
        var member = await cluster.ConnectAsync(1, TransportNames.WebSocket);
        (await cluster.Nodes[1].Events.ConnectedAsync(member.Socket.SessionId!)).Join("lobby");
        var other = await cluster.ConnectAsync(1, TransportNames.XhrPolling);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.Redis.Configuration);
        var broadcasts = RedisChannel.Literal("typed:broadcast");

        // A rooms envelope one field short, one whose rooms are numbers, one whose rooms are not a list.
        await redis.GetSubscriber().PublishAsync(broadcasts, ForgedForRooms(length: 5, rooms: []));
        await redis.GetSubscriber().PublishAsync(broadcasts, ForgedForRooms(length: 6, rooms: [1, 2]));
        await redis.GetSubscriber().PublishAsync(broadcasts, ForgedForRooms(length: 6, rooms: null));
        cluster.Nodes[0].Listener.To("lobby").Send("after the junk");
        cluster.Nodes[0].Listener.Broadcast("for everyone");

        Assert.Equal(["after the junk", "for everyone"], (await member.ReceiveAsync(2)).Select(m => m.Text));
        Assert.Equal("for everyone", (await other.ReceiveAsync()).Text);
        await Wait.UntilAsync(() => cluster.Nodes[1].Logs.Entries.Count(e => e.Message.Contains("not an envelope", StringComparison.Ordinal)) >= 3, "each piece of junk logged");
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

    /// <summary>An envelope for rooms (kind 3) of the given length, its rooms given as numbers (null: the string "lobby" where the list goes), an empty except-list and a message.</summary>
    private static byte[] ForgedForRooms(int length, int[]? rooms)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(length);
        writer.Write(3);
        writer.Write("forger");
        writer.Write(1L);
        if (rooms is null)
        {
            writer.Write("lobby");
        }
        else
        {
            writer.WriteArrayHeader(rooms.Length);
            foreach (var room in rooms)
            {
                writer.Write(room);
            }
        }

        writer.WriteArrayHeader(0);
        writer.Write("\"forged\""u8);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}
