using System.Collections.Concurrent;
using System.Net;

namespace Typed.Client.Tests.Identity;

/// <summary>
/// <see cref="SocketOptions.AccessTokenProvider"/>'s token goes as a bearer on every request and
/// upgrade of every transport; a server that refuses access fails connecting at once.
/// </summary>
public sealed class AccessTokenTests
{
    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Without_credentials_connecting_fails_with_the_servers_401(string transport)
    {
        await using var server = await AuthenticatedServer.StartAsync();
        var options = ClientProbe.Options(transport);
        options.FlashPolicyPort = server.FlashPolicyEndPoint!.Port;
        await using var client = new ClientProbe(server.BaseUri, options);

        var failure = await Assert.ThrowsAsync<SocketConnectException>(() => client.Socket.ConnectAsync().Within());

        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        Assert.False(client.Socket.Connecting);
        Assert.False(client.Socket.Connected);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task With_a_token_the_server_knows_the_user_and_every_request_gets_through(string transport)
    {
        var issued = new ConcurrentQueue<string>();
        await using var server = await AuthenticatedServer.StartAsync(configure: o => o.Timeout = TimeSpan.FromMinutes(10));
        var options = ClientProbe.Options(transport);
        options.AccessTokenProvider = AuthenticatedServer.Issuing("ada", issued);

        await using var client = await ClientProbe.ConnectAsync(server, options);
        var sessionId = client.Socket.SessionId!;
        var session = await server.Events.ConnectedAsync(sessionId);
        await client.Socket.SendAsync("uploaded with the token");
        var echoed = await client.ReceiveAsync();
        await client.Socket.DisconnectAsync();

        Assert.Equal("ada", session.UserId);
        Assert.Single(issued);
        Assert.Equal("uploaded with the token", echoed.Text);

        // The leave got through too: the session ended long before its timeout.
        Assert.Equal(Server.DisconnectReason.ClientLeft, (await server.Events.DisconnectedAsync(sessionId)).DisconnectReason);
    }

    [Fact]
    public async Task A_refusal_ends_connecting_at_once_without_trying_the_other_transports()
    {
        await using var server = await AuthenticatedServer.StartAsync();
        var asked = 0;
        var options = ClientProbe.Options();
        options.FlashPolicyPort = server.FlashPolicyEndPoint!.Port;
        options.AccessTokenProvider = () =>
        {
            Interlocked.Increment(ref asked);
            return Task.FromResult<string?>(null);
        };
        await using var client = new ClientProbe(server.BaseUri, options);

        var failure = await Assert.ThrowsAsync<SocketConnectException>(() => client.Socket.ConnectAsync().Within());

        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        var only = Assert.Single(failure.InnerExceptions);
        Assert.Contains(options.Transports[0], only.Message, StringComparison.Ordinal);
        Assert.Equal(1, asked);
    }

    [Fact]
    public async Task A_user_the_server_forbids_fails_with_403_after_the_websocket_was_given_its_chance()
    {
        await using var server = await AuthenticatedServer.StartAsync(policy: AuthenticatedServer.AdminsPolicy);
        var options = ClientProbe.Options(TransportNames.WebSocket, TransportNames.XhrPolling, TransportNames.ServerEvents);
        options.AccessTokenProvider = () => Task.FromResult<string?>(Testing.Identity.TestAuthentication.Token("ada"));
        await using var client = new ClientProbe(server.BaseUri, options);

        var failure = await Assert.ThrowsAsync<SocketConnectException>(() => client.Socket.ConnectAsync().Within());

        // A 403 to an upgrade may be a proxy's that strips WebSockets; one to a poll is the server's.
        Assert.Equal(HttpStatusCode.Forbidden, failure.StatusCode);
        Assert.Equal(2, failure.InnerExceptions.Count);
        Assert.Contains(TransportNames.XhrPolling, failure.InnerExceptions[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admitted_user_is_let_in_by_the_endpoints_policy()
    {
        await using var server = await AuthenticatedServer.StartAsync(policy: AuthenticatedServer.AdminsPolicy);
        var options = ClientProbe.Options(TransportNames.WebSocket);
        options.AccessTokenProvider = () => Task.FromResult<string?>(Testing.Identity.TestAuthentication.Token("root", null, "admin"));

        await using var client = await ClientProbe.ConnectAsync(server, options);

        Assert.Equal("root", (await server.Events.ConnectedAsync(client.Socket.SessionId!)).UserId);
    }

    [Fact]
    public async Task The_token_takes_the_place_of_a_configured_authorization_header()
    {
        var bearers = new ConcurrentQueue<string>();
        var issued = new ConcurrentQueue<string>();
        await using var server = await AuthenticatedServer.StartAsync(bearers);
        var options = ClientProbe.Options(TransportNames.XhrPolling);
        options.Headers["Authorization"] = "Bearer not-a-token";
        options.AccessTokenProvider = AuthenticatedServer.Issuing("ada", issued);

        await using var client = await ClientProbe.ConnectAsync(server, options);

        Assert.Equal("ada", (await server.Events.ConnectedAsync(client.Socket.SessionId!)).UserId);
        Assert.DoesNotContain("not-a-token", bearers);
    }
}
