using System.Diagnostics;

namespace Typed.Client.Tests;

/// <summary>
/// A proxy between client and server that breaks WebSockets in the ways real ones do; the client
/// must end up on the next transport within a bounded time.
/// </summary>
public sealed class ProxyFallbackTests
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    [Theory]
    [InlineData(WebSocketBlockingMode.RefuseUpgrade)]
    [InlineData(WebSocketBlockingMode.AcceptThenClose)]
    [InlineData(WebSocketBlockingMode.AcceptThenStall)]
    public async Task A_websocket_broken_by_a_proxy_falls_back_to_the_next_transport(WebSocketBlockingMode mode)
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var proxy = WebSocketBlockingProxy.Start(server.BaseUri, mode);
        var options = ClientProbe.Options(TransportNames.WebSocket, TransportNames.XhrPolling);
        options.ConnectTimeout = ConnectTimeout;
        await using var client = new ClientProbe(proxy.BaseUri, options);

        var elapsed = Stopwatch.StartNew();
        await client.Socket.ConnectAsync().Within();
        elapsed.Stop();

        Assert.Equal(TransportNames.XhrPolling, client.Socket.Transport);
        Assert.Equal(1, proxy.UpgradesSeen);
        Assert.True(elapsed.Elapsed < ConnectTimeout + TimeSpan.FromSeconds(10), $"fell back after {elapsed.Elapsed}");
        await client.Socket.SendAsync("through the proxy");
        Assert.Equal("through the proxy", (await client.ReceiveAsync()).Text);
    }

    [Fact]
    public async Task Through_a_proxy_that_lets_websockets_pass_the_client_keeps_the_websocket()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var proxy = WebSocketBlockingProxy.Start(server.BaseUri, WebSocketBlockingMode.PassThrough);
        await using var client = new ClientProbe(proxy.BaseUri, ClientProbe.Options(TransportNames.WebSocket, TransportNames.XhrPolling));

        await client.Socket.ConnectAsync().Within();

        Assert.Equal(TransportNames.WebSocket, client.Socket.Transport);
    }
}
