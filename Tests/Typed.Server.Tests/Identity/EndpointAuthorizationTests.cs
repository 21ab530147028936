using System.Net;
using Microsoft.AspNetCore.Builder;
using Typed.Testing.Identity;

namespace Typed.Server.Tests.Identity;

/// <summary>
/// <c>MapSockets().RequireAuthorization()</c> over every transport: nobody opens a session without
/// credentials the application accepts, and those who do are known by name.
/// </summary>
public sealed class EndpointAuthorizationTests
{
    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_request_without_credentials_is_refused_with_401_and_opens_no_session(string transport)
    {
        await using var server = await AuthenticatedServer.StartAsync();

        var status = await new SessionRequests(server).OpenAsync(transport);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Empty(server.Listener.Clients);
        Assert.Equal(0, server.Listener.SessionCount);
        await server.Logs.WaitForAsync("Authorization failed");
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_user_the_policy_refuses_gets_403(string transport)
    {
        await using var server = await AuthenticatedServer.StartAsync(endpoint: builder => builder.RequireAuthorization("editors"));

        var status = await new SessionRequests(server).OpenAsync(transport, Credentials.Bearer("ann"));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(0, server.Listener.SessionCount);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_JWT_opens_a_session_that_knows_its_user(string transport)
    {
        await using var server = await AuthenticatedServer.StartAsync(endpoint: builder => builder.RequireAuthorization("editors"));
        await using var wire = server.Wire(transport);
        Credentials.Bearer("ann", roles: "editor").Apply(wire);

        await wire.OpenAsync();
        var client = await server.Events.ConnectedAsync(wire.SessionId);
        await wire.SendAsync(Message.FromText("hello"));

        Assert.Equal("hello", (await wire.ReceiveAsync()).Text);
        Assert.Equal("ann", client.UserId);
        Assert.Equal("ann", client.User.Identity?.Name);
        Assert.True(client.User.IsInRole("editor"));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_sign_in_cookie_opens_a_session_that_knows_its_user(string transport)
    {
        await using var server = await AuthenticatedServer.StartAsync();
        await using var wire = server.Wire(transport);
        (await Credentials.CookieAsync(server, "bob")).Apply(wire);

        await wire.OpenAsync();
        var client = await server.Events.ConnectedAsync(wire.SessionId);
        await wire.SendAsync(Message.FromText("hi"));

        Assert.Equal("hi", (await wire.ReceiveAsync()).Text);
        Assert.Equal("bob", client.UserId);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_HEAD_says_whether_a_GET_would_be_let_in_and_opens_nothing(string transport)
    {
        await using var server = await AuthenticatedServer.StartAsync();
        var requests = new SessionRequests(server);

        var anonymous = await requests.ProbeAsync(transport);
        var signedIn = await requests.ProbeAsync(transport, credentials: Credentials.Bearer("ann"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
        Assert.Equal(HttpStatusCode.OK, signedIn);
        Assert.Equal(0, server.Listener.SessionCount);
    }

    [Fact]
    public async Task The_browser_client_is_served_to_pages_not_yet_signed_in()
    {
        await using var server = await AuthenticatedServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUri };

        using var script = await http.GetAsync(new Uri("/socket.io/socket.io.js", UriKind.Relative));
        using var declarations = await http.GetAsync(new Uri("/socket.io/socket.io.d.ts", UriKind.Relative));
        using var protocol = await http.GetAsync(new Uri("/socket.io/xhr-polling", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.OK, declarations.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, protocol.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Without_authorization_anonymous_sessions_open_as_in_2010(string transport)
    {
        await using var server = await SocketServerHost.StartEchoAsync(services: builder => builder.AddTestAuthentication());
        await using var wire = server.Wire(transport);

        await wire.OpenAsync();
        var client = await server.Events.ConnectedAsync(wire.SessionId);

        Assert.Null(client.UserId);
        Assert.False(client.User.Identity?.IsAuthenticated);
    }
}
