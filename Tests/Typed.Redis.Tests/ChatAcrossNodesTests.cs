using System.Text.RegularExpressions;
using StackExchange.Redis;

namespace Typed.Redis.Tests;

/// <summary>
/// Chat servers sharing their clients through Redis: a whisper finds its user on another server,
/// and a room's members, lines and comings and goings are the same on every server.
/// </summary>
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

        // Bob is connected to the other server only: the first asks the cluster whether he is here.
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

    [Fact]
    public async Task A_room_s_members_lines_and_comings_and_goings_are_the_same_on_three_servers()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var first = StartChat(redis);
        await using var second = StartChat(redis);
        await using var third = StartChat(redis);
        var urls = new[] { await UrlOfAsync(first), await UrlOfAsync(second), await UrlOfAsync(third) };

        await using var ann = await JoinAsync(urls[0], "ann");
        await using var bob = await JoinAsync(urls[1], "bob");
        await using var cy = await JoinAsync(urls[2], "cy");
        await ann.WaitForAsync(Line("* cy joined #lobby"));

        // Each server counts the others' members: Bob's server knows Ann is in the room.
        await ann.WriteLineAsync("/join games");
        await ann.WaitForAsync(Line("* #games: 1 here"));
        await bob.WriteLineAsync("/join games");
        await bob.WaitForAsync(Line("* #games: 2 here"));
        await ann.WaitForAsync(Line("* bob joined #games"));

        // Ann's second client, on the third server, is no newcomer to the room.
        await using var annElsewhere = await JoinAsync(urls[2], "ann");
        await annElsewhere.WriteLineAsync("/join games");
        await annElsewhere.WaitForAsync(Line("* #games: 2 here"));
        await annElsewhere.WriteLineAsync("/who");
        await annElsewhere.WaitForAsync(Line("* in #games: ann, bob"));

        await bob.WriteLineAsync("gg");
        await ann.WaitForAsync(Line("#games bob: gg"));
        await annElsewhere.WaitForAsync(Line("#games bob: gg"));
        await cy.WriteLineAsync("hi all");
        await ann.WaitForAsync(Line("#lobby cy: hi all"));
        await bob.WaitForAsync(Line("#lobby cy: hi all"));

        // Bob leaves the room, then the chat: every room he was in hears it once.
        await bob.WriteLineAsync("/leave games");
        await ann.WaitForAsync(Line("* bob left #games"));
        await ann.WriteLineAsync("/who");
        await ann.WaitForAsync(Line("* in #games: ann"));
        Assert.Equal(0, await bob.CloseInputAndWaitAsync());
        await ann.WaitForAsync(Line("* bob left #lobby"));
        await cy.WaitForAsync(Line("* bob left #lobby"));

        Assert.DoesNotContain(cy.Transcript, line => line.Contains("games", StringComparison.Ordinal));
        Assert.Single(ann.Transcript, line => line == "* bob joined #games");
        Assert.DoesNotContain(bob.Transcript, line => line.StartsWith("* ann ", StringComparison.Ordinal));
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
        await client.WaitForAsync(new Regex(@"^\* #lobby: \d+ here$"));
        return client;
    }

    private static Regex Line(string text) => new("^" + Regex.Escape(text) + "$");
}
