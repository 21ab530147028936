using System.Collections.Concurrent;

namespace Typed.Client.Tests.Identity;

/// <summary>
/// Every reconnection asks <see cref="SocketOptions.AccessTokenProvider"/> again: a new token
/// continues the same session, and a refusal ends the socket instead of retrying for ever.
/// </summary>
public sealed class ReconnectionTests
{
    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_dropped_connection_comes_back_with_a_new_token_to_the_same_session(string transport)
    {
        var bearers = new ConcurrentQueue<string>();
        var issued = new ConcurrentQueue<string>();
        await using var server = await AuthenticatedServer.StartAsync(bearers);
        await using var proxy = FaultyTcpProxy.Start(server.BaseUri);
        var options = ClientProbe.Options(transport);
        options.FlashPolicyPort = server.FlashPolicyEndPoint!.Port;
        options.AccessTokenProvider = AuthenticatedServer.Issuing("ada", issued);
        await using var client = new ClientProbe(proxy.BaseUri, options);
        await client.Socket.ConnectAsync().Within();
        var sessionId = client.Socket.SessionId!;

        proxy.CutAll();
        await Wait.UntilAsync(() => client.Reconnected >= 1, "the client reconnects");
        await client.Socket.SendAsync("after the cut");

        Assert.Equal("after the cut", (await client.ReceiveAsync()).Text);
        Assert.Equal(sessionId, client.Socket.SessionId);
        Assert.Equal(1, client.Opened);
        Assert.True(issued.Count >= 2, $"the provider was asked {issued.Count} times");
        Assert.Contains(issued.ElementAt(1), bearers);
        Assert.Equal("ada", (await server.Events.ConnectedAsync(sessionId)).UserId);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_reconnection_the_server_refuses_ends_the_socket_with_access_denied(string transport)
    {
        var asked = 0;
        await using var server = await AuthenticatedServer.StartAsync();
        await using var proxy = FaultyTcpProxy.Start(server.BaseUri);
        var options = ClientProbe.Options(transport);
        options.FlashPolicyPort = server.FlashPolicyEndPoint!.Port;

        // The first token, then none: the user signed out meanwhile.
        options.AccessTokenProvider = () => Task.FromResult(
            Interlocked.Increment(ref asked) == 1 ? Testing.Identity.TestAuthentication.Token("ada") : null);
        await using var client = new ClientProbe(proxy.BaseUri, options);
        var disconnected = new TaskCompletionSource<DisconnectReason>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Socket.Disconnected += reason => disconnected.TrySetResult(reason);
        await client.Socket.ConnectAsync().Within();

        proxy.CutAll();

        Assert.Equal(DisconnectReason.AccessDenied, await disconnected.Task.Within());
        Assert.True(asked >= 2, $"the provider was asked {asked} times");
        Assert.False(client.Socket.Connected);
        Assert.False(client.Socket.Connecting);
        Assert.Equal(0, client.Reconnected);
    }
}
