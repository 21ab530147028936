using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Typed.Testing.Identity;

namespace Typed.Browser.Tests;

/// <summary>
/// In a real browser: a page signed in as another user that has learned a session's id cannot
/// attach to it by any kind of request the browser can make, and the owner's page goes on.
/// </summary>
public sealed class BrowserSessionBindingTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Theory]
    [MemberData(nameof(BrowserTransports.All), MemberType = typeof(BrowserTransports))]
    public async Task A_page_signed_in_as_another_user_cannot_attach_to_the_session(string transport)
    {
        await using var server = await SocketServerHost.StartAsync(
            setup: listener => listener.ClientMessage += (client, message) => client.Send(message),
            services: builder => builder.AddTestAuthentication(),
            pipeline: app =>
            {
                app.MapGet("/page", () => Results.Content(TestPages.Page, "text/html; charset=utf-8"));
                app.MapTestSignIn();
            },
            endpoint: endpoint => endpoint.RequireAuthorization());
        var owner = await SignedInPageAsync(server, "ann");
        await TestPages.ConnectAsync(owner, new { transports = new[] { transport }, rememberTransport = false });
        await TestPages.WaitForConnectAsync(owner);
        var sessionId = await owner.EvaluateExpressionAsync<string>("socket.sessionId");
        var client = await server.Events.ConnectedAsync(sessionId);
        var thief = await SignedInPageAsync(server, "mallory");

        var answers = await thief.EvaluateFunctionAsync<string[]>(
            """
            async (id, port) => {
              const status = async (url, init) => (await fetch(url, init)).status;
              const opens = (make) => new Promise(resolve => {
                const source = make();
                source.onopen = () => { source.close(); resolve('opened'); };
                source.onerror = () => { source.close(); resolve('refused'); };
              });
              return [
                String(await status('/socket.io/xhr-polling/' + id)),
                String(await status('/socket.io/xhr-polling/' + id + '/send', {
                  method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'data=' + encodeURIComponent('["as ann"]') })),
                await opens(() => new WebSocket('ws://127.0.0.1:' + port + '/socket.io/websocket/' + id)),
                await opens(() => new EventSource('/socket.io/server-events/' + id)),
              ];
            }
            """,
            sessionId,
            server.BaseUri.Port);

        Assert.Equal(["403", "403", "refused", "refused"], answers);
        await Wait.UntilAsync(
            () => server.Logs.Entries.Count(e => e.Message.Contains($"Session {sessionId}: a ", StringComparison.Ordinal) && e.Message.Contains("authenticated as mallory", StringComparison.Ordinal)) >= 4,
            "every attempt is logged, naming the session");
        client.Send("still yours");
        await owner.EvaluateExpressionAsync("socket.send('from the owner')");
        Assert.Equal(["still yours", "from the owner"], await TestPages.ReceivedAsync(owner, 2));
        Assert.Equal("ann", client.UserId);
        Assert.Equal(0, server.Events.DisconnectCount(sessionId));
    }

    private async Task<PuppeteerSharp.IPage> SignedInPageAsync(SocketServerHost server, string user)
    {
        var page = await chromium.OpenAsync(new Uri(server.BaseUri, "/page").ToString());
        var status = await page.EvaluateFunctionAsync<int>("async user => (await fetch('/signin?user=' + user, { method: 'POST' })).status", user);
        Assert.Equal(200, status);
        return page;
    }
}
