using System.Text.RegularExpressions;
using StackExchange.Redis;

namespace Typed.Redis.Tests;

/// <summary>Two chat servers sharing their clients through Redis: a whisper finds its user on the other server.</summary>
public sealed class ChatAcrossNodesTests
{
    [Fact]
    public async Task A_whisper_reaches_the_user_s_clients_on_the_other_server_and_the_whisperer_s_other_clients()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var first = StartChat(redis);
        await using var second = StartChat(redis);

        var firstUrl = await UrlOfAsync(first);
        var secondUrl = await UrlOfAsync(second);

        await using var ann = await JoinAsync(firstUrl, "ann");
        await using var annElsewhere = await JoinAsync(secondUrl, "ann");
        await using var bob = await JoinAsync(secondUrl, "bob");
        await using var index = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var db = index.GetDatabase();
        await Wait.UntilAsync(
            async () => await db.HashLengthAsync("typed:user:ann") == 2 && await db.HashLengthAsync("typed:user:bob") == 1,
            "the cluster's index holds ann's two sessions and bob's");

        // Bob joined the other server's room only: the first asks the cluster whether he is here.
        await ann.WriteLineAsync("/w bob across servers");
        await bob.WaitForAsync(Line("ann → bob: across servers"));
        await annElsewhere.WaitForAsync(Line("ann → bob: across servers"));
        await ann.WriteLineAsync("/w cy anyone?");
        await ann.WaitForAsync(Line("* cy is not here"));

        // The whisperer's own client prints nothing of its whisper; the others print it once.
        Assert.DoesNotContain(ann.Transcript, line => line.Contains('→', StringComparison.Ordinal));
        Assert.Single(bob.Transcript, line => line.Contains('→', StringComparison.Ordinal));
        Assert.Single(annElsewhere.Transcript, line => line.Contains('→', StringComparison.Ordinal));
    }

    private static SampleProcess StartChat(RedisServer redis) => SampleProcess.Start(
        "Chat",
        "--urls", "http://127.0.0.1:0",
        "--Sockets:FlashPolicyPort=0",
        "--Redis:Configuration=" + redis.Configuration);

    private static async Task<string> UrlOfAsync(SampleProcess chat) => (await chat.WaitForAsync(SampleProcess.Listening())).Groups["url"].Value;

    private static async Task<SampleProcess> JoinAsync(string url, string name)
    {
        var client = SampleProcess.Start("Chat.Client", "--url", url, "--name", name, "--transport", "websocket");
        await client.WaitForAsync(new Regex(@"^\* \d+ here$"));
        return client;
    }

    private static Regex Line(string text) => new("^" + Regex.Escape(text) + "$");
}
