using System.Net;
using System.Net.Http;

namespace Typed.Client.Tests.Identity;

/// <summary>
/// Cookie authentication needs nothing of the socket: the cookie a sign-in set in the handler's
/// container goes with every request and WebSocket upgrade.
/// </summary>
public sealed class CookieTests
{
    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_signed_in_cookie_admits_the_socket_as_its_user(string transport)
    {
        await using var server = await AuthenticatedServer.StartAsync();
        var cookies = new CookieContainer();
        using (var signIn = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies }) { BaseAddress = server.BaseUri })
        {
            using var signedIn = await signIn.PostAsync(new Uri("/signin?user=grace", UriKind.Relative), content: null).Within();
            signedIn.EnsureSuccessStatusCode();
        }

        using var handler = new SocketsHttpHandler { CookieContainer = cookies };
        var options = ClientProbe.Options(transport);
        options.HttpMessageHandler = handler;

        await using var client = await ClientProbe.ConnectAsync(server, options);
        await client.Socket.SendAsync("signed in");

        Assert.Equal("grace", (await server.Events.ConnectedAsync(client.Socket.SessionId!)).UserId);
        Assert.Equal("signed in", (await client.ReceiveAsync()).Text);
    }
}
