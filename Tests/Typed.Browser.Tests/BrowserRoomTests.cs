using Typed.Server;

namespace Typed.Browser.Tests;

/// <summary>Rooms seen from pages: the server joins a page to a room, and the membership outlives a cut connection.</summary>
public sealed class BrowserRoomTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task A_page_in_a_room_alone_gets_its_sends_and_still_does_after_its_connection_was_cut()
    {
        // The page asks to join; the server decides, as an application would.
        await using var flaky = await FlakyPage.ConnectAsync(chromium, "websocket", TimeSpan.FromMilliseconds(300), listener =>
            listener.ClientMessage += (client, message) => client.Join(message.Text));
        var (server, proxy, member) = (flaky.Server, flaky.Proxy, flaky.Page);
        var memberClient = await server.Events.ConnectedAsync(flaky.SessionId);
        var outsider = await chromium.OpenAsync(new Uri(server.BaseUri, "/page").ToString());
        await TestPages.ConnectAsync(outsider, new { transports = new[] { "websocket" }, rememberTransport = false });
        await TestPages.WaitForConnectAsync(outsider);
        var outsiderClient = await server.Events.ConnectedAsync(await outsider.EvaluateExpressionAsync<string>("socket.sessionId"));

        await member.EvaluateExpressionAsync("socket.send('lobby')");
        await Wait.UntilAsync(() => server.Listener.ClientsIn("lobby").Count == 1, "the server joins the page to the lobby");
        server.Listener.To("lobby").Send("to the lobby");
        Assert.Equal(["to the lobby"], await TestPages.ReceivedAsync(member, 1));

        proxy.Refusing = true;
        proxy.CutAll();
        await Wait.UntilAsync(() => !memberClient.Connected, "the server sees the page gone");
        server.Listener.To("lobby").Send("while cut");
        proxy.Refusing = false;
        Assert.Equal(["to the lobby", "while cut"], await TestPages.ReceivedAsync(member, 2));
        server.Listener.To("lobby").Send("after the reconnection");

        Assert.Equal(["to the lobby", "while cut", "after the reconnection"], await TestPages.ReceivedAsync(member, 3));
        Assert.Equal(["lobby"], memberClient.Rooms);
        Assert.Equal(flaky.SessionId, await member.EvaluateExpressionAsync<string>("socket.sessionId"));

        // Messages to one session keep their order: had the outsider been sent a room's message,
        // it would have arrived before this one.
        outsiderClient.Send("direct");
        Assert.Equal(["direct"], await TestPages.ReceivedAsync(outsider, 1));
    }
}
