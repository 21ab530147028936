namespace Typed.Client.Tests;

/// <summary>
/// A connection that dies without closing (a proxy that hangs, a dropped route): the client
/// notices the server's silence, reconnects once the way is clear, and gets what was sent meanwhile.
/// </summary>
public sealed class SilentServerTests
{
    [Theory]
    [InlineData(TransportNames.WebSocket)]
    [InlineData(TransportNames.ServerEvents)]
    [InlineData(TransportNames.XhrPolling)]
    public async Task A_downstream_silent_past_the_timeout_is_given_up_and_the_session_resumed(string transport)
    {
        await using var server = await SocketServerHost.StartEchoAsync(o =>
        {
            ClientTransportTests.AnyOrigin(o);
            foreach (var name in TransportNames.All)
            {
                // Heartbeats well inside the client's silence timeout: only a hung connection trips it.
                o.TransportOptions[name] = new Server.TransportOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(200), Duration = TimeSpan.FromMilliseconds(200) };
            }
        });
        await using var proxy = FaultyTcpProxy.Start(server.BaseUri);
        var options = ClientProbe.Options(transport);
        options.SilenceTimeout = TimeSpan.FromSeconds(2);
        await using var client = new ClientProbe(proxy.BaseUri, options);
        await client.Socket.ConnectAsync().Within();
        var session = await server.Events.ConnectedAsync(client.Socket.SessionId!);

        proxy.Stalled = true;
        await Wait.UntilAsync(() => client.Closed > 0, "the client gives the silent connection up");
        session.Send("while it hung");
        proxy.Stalled = false;

        Assert.Equal("while it hung", (await client.ReceiveAsync()).Text);
        await Wait.UntilAsync(() => client.Reconnected > 0, "the client is back on its session");
        Assert.Equal(0, client.Expired);
        Assert.Equal(session.SessionId, client.Socket.SessionId);
    }
}
