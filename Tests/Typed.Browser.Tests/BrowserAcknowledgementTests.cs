using Typed.Messages;

namespace Typed.Browser.Tests;

/// <summary>A page that only listens acknowledges what it receives: within a second, or at once when 32 messages are owed.</summary>
public sealed class BrowserAcknowledgementTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task A_listening_page_acknowledges_a_second_after_a_few_messages()
    {
        await using var server = await TestPages.StartAsync();
        var page = await chromium.OpenAsync(new Uri(server.BaseUri, "/page").ToString());
        await TestPages.ConnectAsync(page, new { transports = new[] { "websocket" }, rememberTransport = false });
        await TestPages.WaitForConnectAsync(page);
        var session = await server.Events.ConnectedAsync(await page.EvaluateExpressionAsync<string>("socket.sessionId"));

        for (var i = 0; i < 3; i++)
        {
            session.Send($"news {i}");
        }

        Assert.Equal(["news 0", "news 1", "news 2"], await TestPages.ReceivedAsync(page, 3));
        await Wait.UntilAsync(() => session.QueuedBytes == 0, "the page acknowledges what it received, though it sent nothing");
    }

    [Fact]
    public async Task A_listening_page_acknowledges_at_once_when_32_messages_are_owed()
    {
        await using var server = await TestPages.StartAsync();
        var page = await chromium.OpenAsync(new Uri(server.BaseUri, "/page").ToString());

        // The page's one-second timers never fire: only the bound can acknowledge.
        await page.EvaluateExpressionAsync("(() => { const later = window.setTimeout; window.setTimeout = (f, ms, ...rest) => ms === 1000 ? 0 : later(f, ms, ...rest); })()");
        await TestPages.ConnectAsync(page, new { transports = new[] { "websocket" }, rememberTransport = false });
        await TestPages.WaitForConnectAsync(page);
        var session = await server.Events.ConnectedAsync(await page.EvaluateExpressionAsync<string>("socket.sessionId"));

        var news = Enumerable.Range(0, 40).Select(i => Message.FromText($"news {i}")).ToList();
        news.ForEach(session.Send);

        Assert.Equal(40, (await TestPages.ReceivedAsync(page, 40)).Length);
        var afterThe32nd = news.Skip(32).Sum(message => message.Json.Length);
        await Wait.UntilAsync(() => session.QueuedBytes <= afterThe32nd, "the page acknowledges at least the first 32 at once");
    }
}
