using Typed.Testing.Identity;

namespace Typed.Client.Tests.Identity;

/// <summary>
/// The whole expiry story with the .NET client: the server closes a session's connection when its
/// token expires (<see cref="Typed.Server.SocketServerOptions.CloseOnAuthenticationExpiration"/>),
/// the client reconnects, asking its provider for a fresh token, and the same session goes on.
/// </summary>
public sealed class AuthenticationExpiryTests
{
    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_client_whose_token_expires_continues_its_session_with_a_fresh_one(string transport)
    {
        var asked = 0;
        await using var server = await AuthenticatedServer.StartAsync(configure: options =>
        {
            options.CloseOnAuthenticationExpiration = true;
            options.Timeout = TimeSpan.FromSeconds(30);
        });
        var options = ClientProbe.Options(transport);
        options.FlashPolicyPort = server.FlashPolicyEndPoint!.Port;

        // The first token lasts two seconds, every later one five minutes.
        options.AccessTokenProvider = () => Task.FromResult<string?>(
            TestAuthentication.Token("ada", Interlocked.Increment(ref asked) == 1 ? TimeSpan.FromSeconds(2) : TimeSpan.FromMinutes(5)));
        await using var client = new ClientProbe(server.BaseUri, options);
        await client.Socket.ConnectAsync().Within();
        var sessionId = client.Socket.SessionId!;
        var session = await server.Events.ConnectedAsync(sessionId);

        await server.Logs.WaitForAsync($"Session {sessionId}: its authentication expired");
        await Wait.UntilAsync(() => client.Reconnected >= 1 && client.Socket.Connected, "the client comes back with a fresh token");
        await client.Socket.SendAsync("renewed");

        Assert.Equal("renewed", (await client.ReceiveAsync()).Text);
        Assert.Equal(sessionId, client.Socket.SessionId);
        Assert.Equal(1, client.Opened);
        Assert.True(Volatile.Read(ref asked) >= 2, $"the provider was asked {asked} times");
        Assert.Null(session.DisconnectReason);
        Assert.Equal("ada", session.UserId);
    }
}
