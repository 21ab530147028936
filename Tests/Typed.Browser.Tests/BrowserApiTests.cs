namespace Typed.Browser.Tests;

/// <summary>The 2010 client API, as a page of 2010 used it, on the server's own client.</summary>
public sealed class BrowserApiTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task A_socket_on_another_resource_reports_its_state_and_its_listeners_come_and_go()
    {
        await using var server = await TestPages.StartAsync(o => o.Resource = "realtime");
        var page = await chromium.OpenAsync(new Uri(server.BaseUri, "/").ToString());
        await page.AddScriptTagAsync(new PuppeteerSharp.AddTagOptions { Url = "/realtime/socket.io.js" });

        var before = await page.EvaluateFunctionAsync<System.Text.Json.JsonElement>(
            """
            port => {
              io.setPath('/flash/');
              window.log = [];
              window.socket = new io.Socket('127.0.0.1', { port: port, resource: 'realtime', transports: ['xhr-polling'], rememberTransport: false });
              window.dropped = m => log.push('dropped ' + m);
              socket.addEvent('message', m => log.push('message ' + m));
              socket.addEvent('message', dropped);
              socket.removeEvent('message', dropped);
              socket.on('message', dropped);
              socket.off('message', dropped);
              socket.addEvent('connect', () => log.push('connect ' + socket.connected + ' ' + socket.connecting + ' ' + socket.transport.name));
              socket.addEvent('disconnect', () => log.push('disconnect ' + socket.connected));
              socket.connect();
              return { path: io.path, connecting: socket.connecting, connected: socket.connected, resource: socket.options.resource, port: socket.options.port };
            }
            """,
            server.BaseUri.Port);
        await page.WaitForFunctionAsync("() => socket.connected");
        await page.EvaluateExpressionAsync("socket.send('over realtime')");
        await page.WaitForFunctionAsync("() => log.includes('message over realtime')");
        await page.EvaluateExpressionAsync("socket.disconnect()");
        await page.WaitForFunctionAsync("() => log.some(entry => entry.startsWith('disconnect'))");

        Assert.Equal("/flash/", before.GetProperty("path").GetString());
        Assert.True(before.GetProperty("connecting").GetBoolean());
        Assert.False(before.GetProperty("connected").GetBoolean());
        Assert.Equal("realtime", before.GetProperty("resource").GetString());
        Assert.Equal(server.BaseUri.Port, before.GetProperty("port").GetInt32());
        Assert.Equal(["connect true false xhr-polling", "message over realtime", "disconnect false"], await page.EvaluateExpressionAsync<string[]>("log"));
        Assert.False(await page.EvaluateExpressionAsync<bool>("socket.connected || socket.connecting"));
        Assert.Null(await page.EvaluateExpressionAsync<string?>("socket.transport"));
    }
}
