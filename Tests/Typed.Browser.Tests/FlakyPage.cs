using Typed.Server;

namespace Typed.Browser.Tests;

/// <summary>
/// A page connected through a <see cref="FaultyTcpProxy"/> over one transport, quick to notice a
/// cut and to reconnect: streams that cannot report a cut (htmlfile) notice by the server's
/// heartbeats going quiet, so the heartbeat is short and the page's patience a few beats long.
/// </summary>
public sealed class FlakyPage : IAsyncDisposable
{
    private FlakyPage(SocketServerHost server, FaultyTcpProxy proxy, PuppeteerSharp.IPage page, string sessionId)
    {
        Server = server;
        Proxy = proxy;
        Page = page;
        SessionId = sessionId;
    }

    public SocketServerHost Server { get; }

    public FaultyTcpProxy Proxy { get; }

    public PuppeteerSharp.IPage Page { get; }

    public string SessionId { get; }

    public static async Task<FlakyPage> ConnectAsync(Chromium chromium, string transport, TimeSpan heartbeat, Action<Listener>? setup = null)
    {
        var server = await TestPages.StartAsync(o => o.TransportOptions[transport] = new TransportOptions { HeartbeatInterval = heartbeat }, setup);
        var proxy = FaultyTcpProxy.Start(server.BaseUri);
        var page = await chromium.OpenAsync(new Uri(proxy.BaseUri, "/page").ToString());
        await TestPages.ConnectAsync(page, new
        {
            transports = new[] { transport },
            rememberTransport = false,
            reconnectDelay = 20,
            maxReconnectDelay = 200,
            transportOptions = new { htmlfile = new { timeout = (int)(heartbeat.TotalMilliseconds * 4) } },
        });
        await TestPages.WaitForConnectAsync(page);
        return new FlakyPage(server, proxy, page, await page.EvaluateExpressionAsync<string>("socket.sessionId"));
    }

    /// <summary>A page connected through a <see cref="FaultyTcpProxy"/> with every timing option left at its default, on the page and on the server.</summary>
    public static async Task<FlakyPage> ConnectWithDefaultsAsync(Chromium chromium, string transport, Action<Listener>? setup = null)
    {
        var server = await TestPages.StartAsync(setup: setup);
        var proxy = FaultyTcpProxy.Start(server.BaseUri);
        var page = await chromium.OpenAsync(new Uri(proxy.BaseUri, "/page").ToString());
        await TestPages.ConnectAsync(page, new { transports = new[] { transport }, rememberTransport = false });
        await TestPages.WaitForConnectAsync(page);
        return new FlakyPage(server, proxy, page, await page.EvaluateExpressionAsync<string>("socket.sessionId"));
    }

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await Server.DisposeAsync();
    }
}
