using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Typed.Testing.Identity;

namespace Typed.Browser.Tests;

/// <summary>
/// A page on a socket endpoint that requires authorization: signed in by cookie, or with an
/// access token, it connects over every browser transport as its user; without credentials, or
/// with credentials the server no longer takes at a reconnection, it is refused, says why and
/// stops trying.
/// </summary>
public sealed class BrowserIdentityTests(Chromium chromium) : IClassFixture<Chromium>
{
    /// <summary>Makes a socket as a page would, with a token from a function returning a promise when given one.</summary>
    private const string Connect = """
        (transport, token) => {
          window.received = []; window.events = []; window.refusals = [];
          window.token = token;
          const options = { transports: [transport], rememberTransport: false, reconnectDelay: 20, maxReconnectDelay: 200 };
          if (token) options.accessToken = () => new Promise(resolve => setTimeout(() => resolve(window.token), 1));
          window.socket = new io.Socket(null, options);
          socket.on('connect', () => events.push('connect'));
          socket.on('close', () => events.push('close'));
          socket.on('reconnect', () => events.push('reconnect'));
          socket.on('disconnect', refusal => events.push(refusal ? 'disconnect ' + refusal.status : 'disconnect'));
          socket.on('connect_failed', refusal => refusals.push(refusal.status + ' ' + refusal.message));
          socket.on('message', m => received.push(m));
          socket.connect();
        }
        """;

    [Theory]
    [MemberData(nameof(BrowserTransports.All), MemberType = typeof(BrowserTransports))]
    public async Task A_page_signed_in_by_cookie_connects_as_its_user(string transport)
    {
        await using var server = await StartAsync();
        var page = await chromium.OpenAsync(new Uri(server.BaseUri, "/page").ToString());

        await page.EvaluateExpressionAsync("fetch('/signin?user=ana', { method: 'POST' }).then(r => r.status)");
        await page.EvaluateFunctionAsync(Connect, transport, null);

        await AssertEchoesAsUserAsync(server, page, "ana");
    }

    [Theory]
    [MemberData(nameof(BrowserTransports.All), MemberType = typeof(BrowserTransports))]
    public async Task A_page_with_an_access_token_connects_as_the_tokens_user(string transport)
    {
        await using var server = await StartAsync();
        var page = await chromium.OpenAsync(new Uri(server.BaseUri, "/page").ToString());

        await page.EvaluateFunctionAsync(Connect, transport, TestAuthentication.Token("bo"));

        await AssertEchoesAsUserAsync(server, page, "bo");
    }

    [Theory]
    [MemberData(nameof(BrowserTransports.All), MemberType = typeof(BrowserTransports))]
    public async Task A_page_without_credentials_is_refused_sees_why_and_connects_when_asked_once_signed_in(string transport)
    {
        await using var server = await StartAsync();
        var page = await chromium.OpenAsync(new Uri(server.BaseUri, "/page").ToString());

        await page.EvaluateFunctionAsync(Connect, transport, null);

        await page.WaitForFunctionAsync("() => refusals.length > 0");
        Assert.Equal(["401 Unauthorized"], await page.EvaluateExpressionAsync<string[]>("refusals"));
        Assert.Equal(["disconnect 401"], await page.EvaluateExpressionAsync<string[]>("events"));
        Assert.False(await page.EvaluateExpressionAsync<bool>("socket.connected || socket.connecting"));
        Assert.Empty(server.Listener.Clients);

        await page.EvaluateExpressionAsync("fetch('/signin?user=ana', { method: 'POST' }).then(r => r.status)");
        await page.EvaluateExpressionAsync("socket.connect()");
        await AssertEchoesAsUserAsync(server, page, "ana");
    }

    [Theory]
    [MemberData(nameof(BrowserTransports.All), MemberType = typeof(BrowserTransports))]
    public async Task A_page_cut_off_reconnects_to_its_session_with_the_token_it_is_given_then(string transport)
    {
        await using var server = await StartAsync();
        await using var proxy = FaultyTcpProxy.Start(server.BaseUri);
        var (page, client) = await ConnectWithTokenAsync(server, proxy, transport);

        // A fresh token, as an app's token function gives: the page asks again for every attempt.
        await CutOffAsync(proxy, page, client, TestAuthentication.Token("bo", TimeSpan.FromMinutes(2)));

        await page.WaitForFunctionAsync("() => events.includes('reconnect')");
        await page.EvaluateExpressionAsync("socket.send('back')");
        Assert.Equal(["back"], await TestPages.ReceivedAsync(page, 1));
        Assert.Equal(client.SessionId, await page.EvaluateExpressionAsync<string>("socket.sessionId"));
        Assert.Equal(0, server.Events.DisconnectCount(client.SessionId));
    }

    [Theory]
    [MemberData(nameof(BrowserTransports.All), MemberType = typeof(BrowserTransports))]
    public async Task A_page_whose_token_expires_continues_its_session_with_a_fresh_one(string transport)
    {
        await using var server = await StartAsync(options =>
        {
            options.CloseOnAuthenticationExpiration = true;
            options.Timeout = TimeSpan.FromSeconds(30);
        });
        var page = await chromium.OpenAsync(new Uri(server.BaseUri, "/page").ToString());
        await page.EvaluateFunctionAsync(Connect, transport, TestAuthentication.Token("bo", TimeSpan.FromSeconds(2)));
        await TestPages.WaitForConnectAsync(page);
        var sessionId = await page.EvaluateExpressionAsync<string>("socket.sessionId");
        var client = await server.Events.ConnectedAsync(sessionId);

        // The app's token function gives a fresh token from now on.
        await page.EvaluateFunctionAsync("token => window.token = token", TestAuthentication.Token("bo", TimeSpan.FromMinutes(5)));
        await server.Logs.WaitForAsync($"Session {sessionId}: its authentication expired");
        await page.WaitForFunctionAsync("() => events.includes('reconnect')");
        await page.EvaluateExpressionAsync("socket.send('renewed')");

        Assert.Equal(["renewed"], await TestPages.ReceivedAsync(page, 1));
        Assert.Equal(sessionId, await page.EvaluateExpressionAsync<string>("socket.sessionId"));
        Assert.Null(client.DisconnectReason);
        Assert.Equal("bo", client.UserId);
    }

    [Theory]
    [MemberData(nameof(BrowserTransports.All), MemberType = typeof(BrowserTransports))]
    public async Task A_reconnection_with_a_token_the_server_refuses_stops_and_says_why(string transport)
    {
        await using var server = await StartAsync();
        await using var proxy = FaultyTcpProxy.Start(server.BaseUri);
        var (page, client) = await ConnectWithTokenAsync(server, proxy, transport);

        await CutOffAsync(proxy, page, client, "not a token");

        await page.WaitForFunctionAsync("() => refusals.length > 0");
        Assert.Equal(["401 Unauthorized"], await page.EvaluateExpressionAsync<string[]>("refusals"));
        Assert.Equal(["connect", "close", "disconnect 401"], await page.EvaluateExpressionAsync<string[]>("events"));
        Assert.False(await page.EvaluateExpressionAsync<bool>("socket.connected || socket.connecting"));
        Assert.Single(server.Listener.Clients);
    }

    /// <summary>A page connected as "bo" through <paramref name="proxy"/>, and its session on the server.</summary>
    private async Task<(PuppeteerSharp.IPage Page, Typed.Server.Client Client)> ConnectWithTokenAsync(SocketServerHost server, FaultyTcpProxy proxy, string transport)
    {
        var page = await chromium.OpenAsync(new Uri(proxy.BaseUri, "/page").ToString());
        await page.EvaluateFunctionAsync(Connect, transport, TestAuthentication.Token("bo"));
        await TestPages.WaitForConnectAsync(page);
        return (page, await server.Events.ConnectedAsync(await page.EvaluateExpressionAsync<string>("socket.sessionId")));
    }

    /// <summary>
    /// Cuts the page off until it and the server see it gone (refusing it meanwhile, as a browser would
    /// send a cut request again by itself), then lets it back, with <paramref name="nextToken"/> to give.
    /// </summary>
    private static async Task CutOffAsync(FaultyTcpProxy proxy, PuppeteerSharp.IPage page, Typed.Server.Client client, string nextToken)
    {
        // Given before the cut, so that every attempt to reconnect asks for this one: a request
        // made with the old token while refused could otherwise go through once let back.
        await page.EvaluateFunctionAsync("token => window.token = token", nextToken);
        proxy.Refusing = true;
        proxy.CutAll();
        // Between two polls the server sees no connection anyway: the page must see the cut itself.
        await page.WaitForFunctionAsync("() => events.includes('close')");
        await Wait.UntilAsync(() => !client.Connected, "the server sees the page gone");
        proxy.Refusing = false;
    }

    private static async Task AssertEchoesAsUserAsync(SocketServerHost server, PuppeteerSharp.IPage page, string user)
    {
        await TestPages.WaitForConnectAsync(page);
        var client = await server.Events.ConnectedAsync(await page.EvaluateExpressionAsync<string>("socket.sessionId"));
        await page.EvaluateExpressionAsync("socket.send('as ' + socket.transport.name)");

        var transport = await page.EvaluateExpressionAsync<string>("socket.transport.name");
        Assert.Equal(["as " + transport], await TestPages.ReceivedAsync(page, 1));
        Assert.Equal(user, client.UserId);
    }

    private static Task<SocketServerHost> StartAsync(Action<Typed.Server.SocketServerOptions>? configure = null) =>
        SocketServerHost.StartAsync(
            configure,
            setup: listener => listener.ClientMessage += (client, message) => client.Send(message),
            services: b => b.AddTestAuthentication(),
            pipeline: app =>
            {
                app.MapTestSignIn();
                // The page loads the client from the endpoint, which serves it to pages not signed in yet.
                app.MapGet("/page", () => Results.Content(TestPages.Page, "text/html; charset=utf-8"));
            },
            endpoint: e => e.RequireAuthorization());
}
