namespace Typed.Browser.Tests;

/// <summary>Two pages chat through the chat sample in real Chromium, over each transport a browser has.</summary>
public sealed class BrowserChatTests(Chromium chromium, ChatSample chat) : IClassFixture<Chromium>, IClassFixture<ChatSample>
{
    public static TheoryData<string> Transports() => BrowserTransports.All();

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Two_pages_chat_with_typed_events_both_ways(string transport)
    {
        var ana = await ChatPage.JoinAsync(chromium, chat.Url, "ana-" + transport, transport);
        var bob = await ChatPage.JoinAsync(chromium, chat.Url, "bob-" + transport, transport);

        await ana.WaitForLineAsync($"bob-{transport} joined");
        await ana.SayAsync("hello bob");
        await bob.WaitForLineAsync($"ana-{transport}: hello bob");
        await bob.SayAsync("hello ana 😀");
        await ana.WaitForLineAsync($"bob-{transport}: hello ana 😀");

        Assert.Equal($"connected over {transport}", await ana.StatusAsync());
        Assert.Equal($"connected over {transport}", await bob.StatusAsync());
        Assert.Contains(await bob.LinesAsync(), line => line.EndsWith(" here", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Plain_strings_cross_from_page_to_page_exactly(string transport)
    {
        var sender = await ChatPage.JoinAsync(chromium, chat.Url, "sender", transport);
        var receiver = await ChatPage.JoinAsync(chromium, chat.Url, "receiver", transport);
        await receiver.Page.EvaluateExpressionAsync("window.received = []; socket.on('message', m => window.received.push(m)); 0");

        await sender.Page.EvaluateFunctionAsync("texts => texts.forEach(t => socket.send(t))", StringGallery.Texts);
        await receiver.Page.WaitForFunctionAsync("n => window.received.length >= n", StringGallery.Texts.Count);

        var received = await receiver.Page.EvaluateExpressionAsync<string[]>("window.received");
        Assert.Equal(StringGallery.Texts, received);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Typed_events_carry_the_string_gallery_exactly(string transport)
    {
        var ana = await ChatPage.JoinAsync(chromium, chat.Url, "ana", transport);
        var bob = await ChatPage.JoinAsync(chromium, chat.Url, "bob", transport);
        await bob.Page.EvaluateExpressionAsync("window.said = []; socket.on('Said', (user, text) => window.said.push(text)); 0");

        await ana.Page.EvaluateFunctionAsync("texts => texts.forEach(t => socket.emit('Say', t))", StringGallery.Texts);
        await bob.Page.WaitForFunctionAsync("n => window.said.length >= n", StringGallery.Texts.Count);

        Assert.Equal(StringGallery.Texts, await bob.Page.EvaluateExpressionAsync<string[]>("window.said"));
    }

    [Fact]
    public async Task A_newcomer_gets_the_last_fifteen_messages_and_everyone_hears_who_comes_and_goes()
    {
        var ana = await ChatPage.JoinAsync(chromium, chat.Url, "ana-history", "websocket");
        for (var i = 1; i <= 20; i++)
        {
            await ana.SayAsync($"line {i}");
        }

        // Joining after the twentieth line: its history holds the last fifteen, oldest first.
        var probe = await ChatPage.JoinAsync(chromium, chat.Url, "probe", "websocket");
        await probe.WaitForLineAsync("ana-history: line 20");
        // A page that leaves over server-events is heard leaving by its stream's end and the session's
        // Timeout; one that polls, only after a poll's duration and twice the Timeout (36 s).
        var bob = await ChatPage.JoinAsync(chromium, chat.Url, "bob-history", "server-events");
        await ana.WaitForLineAsync("bob-history joined");
        await bob.WaitForLineAsync("ana-history: line 20");
        var history = (await bob.LinesAsync()).Where(line => line.StartsWith("ana-history: line ", StringComparison.Ordinal)).ToList();
        await bob.Page.EvaluateExpressionAsync("socket.disconnect()");

        Assert.Equal(Enumerable.Range(6, 15).Select(i => $"ana-history: line {i}"), history);
        await ana.WaitForLineAsync("bob-history left");
    }
}
