using System.Net;
using Typed.Testing.Identity;
using System.Net.WebSockets;

namespace Typed.Server.Tests.Identity;

/// <summary>
/// <see cref="SocketServerOptions.CloseOnAuthenticationExpiration"/>: when the token a session
/// opened with expires, its connection closes; the same user coming back with a fresh token
/// continues the session, and a session nobody renews ends with a reason the application sees.
/// </summary>
public sealed class AuthenticationExpiryTests
{
    private static readonly TimeSpan ShortLived = TimeSpan.FromSeconds(2);

    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_session_nobody_renews_ends_as_authentication_expired(string transport)
    {
        await using var server = await AuthenticatedServer.StartAsync(options =>
        {
            options.CloseOnAuthenticationExpiration = true;
            options.Timeout = TimeSpan.FromSeconds(2);
        });
        await using var wire = server.Wire(transport);
        Credentials.Bearer("ann", ShortLived).Apply(wire);
        await wire.OpenAsync();
        var client = await server.Events.ConnectedAsync(wire.SessionId);

        // A WebSocket client is told why its connection closes.
        if (wire is WebSocketWire socket)
        {
            Assert.Equal(WebSocketCloseStatus.PolicyViolation, await socket.WaitForCloseAsync());
            Assert.Equal("authentication expired", socket.Socket.CloseStatusDescription);
        }

        var ended = await server.Events.DisconnectedAsync(wire.SessionId);

        Assert.Equal(DisconnectReason.AuthenticationExpired, ended.DisconnectReason);
        Assert.Same(client, ended);
        Assert.True(server.Logs.Contains($"Session {wire.SessionId}: its authentication expired"));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_fresh_token_of_the_same_user_continues_the_session(string transport)
    {
        await using var server = await AuthenticatedServer.StartAsync(options =>
        {
            options.CloseOnAuthenticationExpiration = true;
            options.Timeout = TimeSpan.FromSeconds(30);
        });
        await using var wire = server.Wire(transport);
        Credentials.Bearer("ann", ShortLived).Apply(wire);
        await wire.OpenAsync();
        var client = await server.Events.ConnectedAsync(wire.SessionId);
        await server.Logs.WaitForAsync($"Session {wire.SessionId}: its authentication expired");
        await Wait.UntilAsync(() => !client.Connected, "the connection is closed");
        client.Send("while expired");

        // The expired token no longer opens anything; a fresh one of the same user continues.
        var requests = new SessionRequests(server);
        Assert.Equal(HttpStatusCode.Unauthorized, await requests.AttachAsync(transport, wire.SessionId, Credentials.Bearer("ann", TimeSpan.FromSeconds(-1))));
        await wire.DropAsync();
        Credentials.Bearer("ann", TimeSpan.FromMinutes(5)).Apply(wire);
        await wire.ReattachAsync();

        Assert.Equal("while expired", (await wire.ReceiveAsync()).Text);
        await wire.SendAsync(Message.FromText("renewed"));
        Assert.Equal("renewed", (await wire.ReceiveAsync()).Text);
        Assert.Equal(0, server.Events.DisconnectCount(wire.SessionId));
        Assert.False(client.DisconnectReason.HasValue);
    }

    [Theory]
    [InlineData(TransportNames.WebSocket)]
    [InlineData(TransportNames.XhrPolling)]
    public async Task A_token_that_expires_in_a_year_opens_a_session_as_any_other(string transport)
    {
        // Further off than a timer can wait in one go (about 49 days).
        await using var server = await AuthenticatedServer.StartAsync(options => options.CloseOnAuthenticationExpiration = true);
        await using var wire = server.Wire(transport);
        Credentials.Bearer("ann", TimeSpan.FromDays(365)).Apply(wire);

        await wire.OpenAsync();
        await wire.SendAsync(Message.FromText("for a year"));

        Assert.Equal("for a year", (await wire.ReceiveAsync()).Text);
        Assert.Empty(server.Logs.Errors);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Without_the_option_a_session_outlives_its_token(string transport)
    {
        await using var server = await AuthenticatedServer.StartAsync();
        await using var wire = server.Wire(transport);
        var credentials = Credentials.Bearer("ann", ShortLived);
        credentials.Apply(wire);
        await wire.OpenAsync();
        var client = await server.Events.ConnectedAsync(wire.SessionId);
        var expired = DateTimeOffset.UtcNow + ShortLived + TimeSpan.FromSeconds(1);

        await Wait.UntilAsync(() => DateTimeOffset.UtcNow > expired, "the token has expired");
        client.Send("after the token");
        if (transport == TransportNames.XhrPolling)
        {
            // Each poll is a request of its own, which the endpoint's policy authenticates afresh.
            Credentials.Bearer("ann").Apply(wire);
        }

        Assert.Equal("after the token", (await wire.ReceiveAsync()).Text);
        Assert.Null(client.DisconnectReason);
    }
}
