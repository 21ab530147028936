using System.Globalization;
using System.Net;
using System.Net.WebSockets;

namespace Typed.Samples.Tests;

/// <summary>
/// The chat sample opens sessions for signed-in users only: a request for a new session without
/// the sign-in cookie is refused with 401 over polling and WebSocket alike, the same requests
/// with it are not, and signing out refuses them again. The page and its script are for everyone.
/// </summary>
public sealed class ChatSignInTests(ChatSample chat) : IClassFixture<ChatSample>
{
    [Fact]
    public async Task A_new_session_needs_the_sign_in_cookie_and_the_page_does_not()
    {
        var url = chat.Url;
        using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler, disposeHandler: false);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(url + "/")).Within()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(url + "/socket.io/socket.io.js")).Within()).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await http.GetAsync(new Uri(url + "/signin")).Within()).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await NewPollingSessionAsync(http, url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await NewWebSocketSessionAsync(handler, url));

        using (var signIn = await http.PostAsync(new Uri(url + "/signin"), new FormUrlEncodedContent([new("name", "dora")])).Within())
        {
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            Assert.Equal("dora", await signIn.Content.ReadAsStringAsync());
        }

        Assert.Equal("dora", await http.GetStringAsync(new Uri(url + "/signin")).Within());
        using (var handshake = await NewPollingSessionAsync(http, url))
        {
            Assert.Equal(HttpStatusCode.OK, handshake.StatusCode);
            Assert.NotEmpty(await handshake.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.SwitchingProtocols, await NewWebSocketSessionAsync(handler, url));

        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsync(new Uri(url + "/signout"), null).Within()).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await NewPollingSessionAsync(http, url)).StatusCode);
    }

    [Fact]
    public async Task A_name_that_is_empty_or_too_long_signs_nobody_in()
    {
        var url = chat.Url;
        using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler, disposeHandler: false);

        foreach (var name in new[] { "", "   ", new string('x', 41) })
        {
            using var signIn = await http.PostAsync(new Uri(url + "/signin"), new FormUrlEncodedContent([new("name", name)])).Within();
            Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await NewPollingSessionAsync(http, url)).StatusCode);
    }

    /// <summary>The first poll of the 2010 client, which opens a session: an empty session id, then a timestamp.</summary>
    private static async Task<HttpResponseMessage> NewPollingSessionAsync(HttpClient http, string url) =>
        await http.GetAsync(new Uri(url + "/socket.io/xhr-polling//" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture))).Within();

    /// <summary>The status a WebSocket upgrade that opens a session is answered with, through the cookie's handler.</summary>
    private static async Task<HttpStatusCode> NewWebSocketSessionAsync(SocketsHttpHandler handler, string url)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        try
        {
            await socket.ConnectAsync(new Uri("ws" + url["http".Length..] + "/socket.io/websocket"), invoker, CancellationToken.None).Within();
        }
        catch (WebSocketException)
        {
            // Refused: the status says why.
        }

        return socket.HttpStatusCode;
    }
}
