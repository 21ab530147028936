using System.Diagnostics;
using System.Globalization;
using PuppeteerSharp;
using Typed.Server;

namespace Typed.Browser.Tests;

/// <summary>
/// A page behind a proxy that accepts some requests and never answers them (a hung proxy, a dead
/// NAT entry): the page gives each one up within a bound the server's handshake told it and
/// reattaches to its session, so what each side sends arrives once and in order, and the session
/// lives on.
/// </summary>
public sealed class BrowserHungRequestTests(Chromium chromium, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<Chromium>
{
    private const int Uploads = 200;
    private const int Polled = 100;
    private const int AtRandom = 500;
    private const int WithDefaults = 200;
    private const int Burst = 10;

    // A pause between bursts spreads the traffic over many cuts and new connections.
    private const int PauseMs = 100;

    /// <summary>The transports that upload by <c>POST .../send</c>.</summary>
    public static TheoryData<string> Posting() => ["server-events", "htmlfile", "xhr-multipart", "xhr-polling"];

    [Theory]
    [MemberData(nameof(Posting))]
    public async Task An_upload_that_is_never_answered_is_given_up_and_every_message_arrives_once_in_order(string transport)
    {
        var atServer = new List<string>();
        await using var flaky = await FlakyPage.ConnectAsync(chromium, transport, TimeSpan.FromSeconds(10), Record(atServer));
        var (server, proxy, page, sessionId) = (flaky.Server, flaky.Proxy, flaky.Page, flaky.SessionId);

        await SendFromPageAsync(page, 0, Uploads / 4);
        await Wait.UntilAsync(() => Counted(atServer) >= Uploads / 4, "the first messages arrive");
        proxy.SwallowNext(line => line.StartsWith("POST ", StringComparison.Ordinal) && line.Contains($"/{sessionId}/send", StringComparison.Ordinal));
        var clock = Stopwatch.StartNew();
        await SendFromPageAsync(page, Uploads / 4, Uploads / 2);
        await Wait.UntilAsync(() => proxy.Swallowed == 1, "the next upload is swallowed");
        await SendFromPageAsync(page, Uploads / 2, Uploads);
        await Wait.UntilAsync(() => Counted(atServer) >= Uploads, "the server has every message the page sent");

        output.WriteLine($"{transport}: {proxy.Swallowed} upload swallowed, every message at the server {clock.ElapsedMilliseconds} ms after it was sent");
        Assert.Equal(Numbers(Uploads), Snapshot(atServer));
        Assert.Equal(sessionId, await page.EvaluateExpressionAsync<string>("socket.sessionId"));
        Assert.Equal(0, server.Events.DisconnectCount(sessionId));
    }

    /// <summary>
    /// With the server's default timing for polling: a held poll lasts 20 s and the session waits
    /// 36 s for the next one, so a poll that hangs is given up after 24 s; the reattaching poll,
    /// answered at once by the server, is given up after 5 s when it hangs too.
    /// </summary>
    [Fact]
    public async Task A_poll_that_is_never_answered_is_given_up_and_the_session_lives_on()
    {
        await using var flaky = await FlakyPage.ConnectAsync(chromium, "xhr-polling", TimeSpan.FromSeconds(10));
        var (server, proxy, page, sessionId) = (flaky.Server, flaky.Proxy, flaky.Page, flaky.SessionId);
        var session = await server.Events.ConnectedAsync(sessionId);
        await page.EvaluateExpressionAsync("window.at = {}; socket.on('close', () => at.close = Date.now()); socket.on('reconnect', () => at.reconnect = Date.now());");

        bool IsPoll(string line) => line.StartsWith($"GET /socket.io/xhr-polling/{sessionId}/", StringComparison.Ordinal);
        proxy.SwallowNext(line => IsPoll(line) && !line.Contains("wait=0", StringComparison.Ordinal));
        proxy.SwallowNext(line => IsPoll(line) && line.Contains("wait=0", StringComparison.Ordinal));

        // The message answers the poll held now; the page's next poll hangs.
        session.Send(Number(0));
        await page.WaitForFunctionAsync("() => window.received.length >= 1");
        await Wait.UntilAsync(() => proxy.Swallowed == 1, "the next poll is swallowed");
        var swallowedAt = await page.EvaluateExpressionAsync<long>("Date.now()");
        for (var i = 1; i < Polled; i++)
        {
            session.Send(Number(i));
            if (i % Burst == 0)
            {
                await Task.Delay(PauseMs * 10);
            }
        }

        await page.WaitForFunctionAsync("n => window.received.length >= n", new WaitForFunctionOptions { Timeout = 60_000 }, Polled);
        var closedAt = await page.EvaluateExpressionAsync<long>("at.close");
        var reconnectedAt = await page.EvaluateExpressionAsync<long>("at.reconnect");

        output.WriteLine($"the hung poll given up {closedAt - swallowedAt} ms after it was sent; reattached {reconnectedAt - closedAt} ms later, past a hung reattaching poll; {proxy.Swallowed} polls swallowed");
        Assert.Equal(2, proxy.Swallowed);
        Assert.InRange(reconnectedAt - closedAt, 4_000, 15_000);
        Assert.Equal(Numbers(Polled), await page.EvaluateExpressionAsync<string[]>("window.received"));
        Assert.Equal(sessionId, await page.EvaluateExpressionAsync<string>("socket.sessionId"));
        Assert.Equal(0, server.Events.DisconnectCount(sessionId));
    }

    /// <summary>
    /// A network that swallows one new connection in twenty at random, and the session's next
    /// request for sure (chance alone may spare a short run), and cuts the others every 300 ms;
    /// with the server's default timing but FlakyPage's short heartbeat, which the handshake tells
    /// the page.
    /// </summary>
    [Theory]
    [MemberData(nameof(BrowserTransports.All), MemberType = typeof(BrowserTransports))]
    public async Task Messages_both_ways_survive_connections_swallowed_at_random_and_cut(string transport)
    {
        var atServer = new List<string>();
        await using var flaky = await FlakyPage.ConnectAsync(chromium, transport, TimeSpan.FromMilliseconds(200), Record(atServer));
        var (server, proxy, page, sessionId) = (flaky.Server, flaky.Proxy, flaky.Page, flaky.SessionId);
        var session = await server.Events.ConnectedAsync(sessionId);

        var clock = Stopwatch.StartNew();
        proxy.SwallowChance = 0.05;
        proxy.SwallowNext(line => line.Contains($"/{sessionId}", StringComparison.Ordinal));
        proxy.CutEvery(TimeSpan.FromMilliseconds(300));
        for (var sent = 0; sent < AtRandom; sent += Burst)
        {
            await SendFromPageAsync(page, sent, sent + Burst);
            for (var i = sent; i < sent + Burst; i++)
            {
                session.Send(Number(i));
            }

            await Task.Delay(PauseMs);
        }

        await page.WaitForFunctionAsync("n => window.received.length >= n", new WaitForFunctionOptions { Timeout = 90_000 }, AtRandom);
        await Wait.UntilAsync(() => Counted(atServer) >= AtRandom, "the server has every message the page sent", TimeSpan.FromSeconds(90));
        var (cuts, swallowed) = (proxy.Cuts, proxy.Swallowed);
        proxy.StopCutting();
        proxy.SwallowChance = 0;
        var reconnections = await page.EvaluateExpressionAsync<int>("window.events.filter(e => e === 'reconnect').length");

        output.WriteLine($"{transport}: {AtRandom} messages each way in {clock.ElapsedMilliseconds} ms, {swallowed} connections or requests swallowed, {cuts} cut, {reconnections} reconnections");

        // Few when all of the page's requests hung for a while: swallowed connections are never cut.
        Assert.True(cuts >= 1, $"the network was cut {cuts} times");
        Assert.Equal(0, proxy.AimsPending);
        Assert.Equal(Numbers(AtRandom), await page.EvaluateExpressionAsync<string[]>("window.received"));
        Assert.Equal(Numbers(AtRandom), Snapshot(atServer));
        Assert.Equal(sessionId, await page.EvaluateExpressionAsync<string>("socket.sessionId"));
        Assert.DoesNotContain("disconnect", await page.EvaluateExpressionAsync<string[]>("window.events"));
        Assert.Equal(0, server.Events.DisconnectCount(sessionId));
    }

    /// <summary>
    /// The same with every timing option at its default, on the page and on the server, and a
    /// gentler network (one connection in fifty swallowed, a cut every second): a hung poll costs
    /// 24 s, a cut forever-iframe 12 s, so the run is slower, and every session must survive.
    /// </summary>
    [Theory]
    [MemberData(nameof(BrowserTransports.All), MemberType = typeof(BrowserTransports))]
    public async Task Messages_both_ways_survive_swallowed_and_cut_connections_with_every_default(string transport)
    {
        var atServer = new List<string>();
        await using var flaky = await FlakyPage.ConnectWithDefaultsAsync(chromium, transport, Record(atServer));
        var (server, proxy, page, sessionId) = (flaky.Server, flaky.Proxy, flaky.Page, flaky.SessionId);
        var session = await server.Events.ConnectedAsync(sessionId);
        await page.EvaluateExpressionAsync("window.events = []");

        var clock = Stopwatch.StartNew();
        proxy.SwallowChance = 0.02;
        proxy.SwallowNext(line => line.Contains($"/{sessionId}", StringComparison.Ordinal));
        proxy.CutEvery(TimeSpan.FromSeconds(1));
        for (var sent = 0; sent < WithDefaults; sent += Burst)
        {
            await SendFromPageAsync(page, sent, sent + Burst);
            for (var i = sent; i < sent + Burst; i++)
            {
                session.Send(Number(i));
            }

            await Task.Delay(PauseMs * 5);
        }

        await page.WaitForFunctionAsync("n => window.received.length >= n", new WaitForFunctionOptions { Timeout = 180_000 }, WithDefaults);
        await Wait.UntilAsync(() => Counted(atServer) >= WithDefaults, "the server has every message the page sent", TimeSpan.FromMinutes(3));
        var (cuts, swallowed) = (proxy.Cuts, proxy.Swallowed);
        proxy.StopCutting();
        proxy.SwallowChance = 0;

        output.WriteLine($"{transport}: {WithDefaults} messages each way in {clock.ElapsedMilliseconds} ms, {swallowed} connections or requests swallowed, {cuts} cut");
        Assert.True(swallowed >= 1, "a request was swallowed");
        Assert.Equal(Numbers(WithDefaults), await page.EvaluateExpressionAsync<string[]>("window.received"));
        Assert.Equal(Numbers(WithDefaults), Snapshot(atServer));
        Assert.Equal(sessionId, await page.EvaluateExpressionAsync<string>("socket.sessionId"));
        Assert.DoesNotContain("disconnect", await page.EvaluateExpressionAsync<string[]>("window.events"));
        Assert.Equal(0, server.Events.DisconnectCount(sessionId));
    }

    /// <summary>The transports that keep one downstream open, whose heartbeats a page can see.</summary>
    public static TheoryData<string> Streaming() => ["websocket", "server-events", "htmlfile", "xhr-multipart"];

    /// <summary>
    /// The proxy holds every byte without closing anything, as a hung proxy or a dropped route
    /// does: the page notices its stream's heartbeats stop, gives it up, and once the way is clear
    /// is back on its session with what the server sent meanwhile.
    /// </summary>
    [Theory]
    [MemberData(nameof(Streaming))]
    public async Task A_stream_held_open_and_silent_is_given_up_and_the_session_resumed(string transport)
    {
        await using var flaky = await FlakyPage.ConnectAsync(chromium, transport, TimeSpan.FromMilliseconds(200));
        var (server, proxy, page, sessionId) = (flaky.Server, flaky.Proxy, flaky.Page, flaky.SessionId);
        var session = await server.Events.ConnectedAsync(sessionId);
        await page.EvaluateExpressionAsync("window.events = []");

        proxy.Stalled = true;
        await page.WaitForFunctionAsync("() => window.events.includes('close')", new WaitForFunctionOptions { Timeout = 30_000 });
        session.Send("while it hung");
        proxy.Stalled = false;

        await page.WaitForFunctionAsync("() => window.received.includes('while it hung') && window.events.includes('reconnect')", new WaitForFunctionOptions { Timeout = 30_000 });
        Assert.Equal(["while it hung"], await page.EvaluateExpressionAsync<string[]>("window.received"));
        Assert.Equal(sessionId, await page.EvaluateExpressionAsync<string>("socket.sessionId"));
        Assert.DoesNotContain("disconnect", await page.EvaluateExpressionAsync<string[]>("window.events"));
        Assert.Equal(0, server.Events.DisconnectCount(sessionId));
    }

    private static Action<Listener> Record(List<string> atServer) => listener =>
        listener.ClientMessage += (_, message) =>
        {
            lock (atServer)
            {
                atServer.Add(message.Text);
            }
        };

    private static Task SendFromPageAsync(IPage page, int from, int to) =>
        page.EvaluateFunctionAsync("(from, to) => { for (let i = from; i < to; i++) socket.send(String(i)); }", from, to);

    private static int Counted(List<string> messages)
    {
        lock (messages)
        {
            return messages.Count;
        }
    }

    private static string[] Snapshot(List<string> messages)
    {
        lock (messages)
        {
            return [.. messages];
        }
    }

    private static string Number(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static string[] Numbers(int count) => [.. Enumerable.Range(0, count).Select(Number)];
}
