using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Typed.Server;

namespace Typed.Browser.Tests;

/// <summary>
/// A test server that also serves pages: <c>/page</c> loads the server's own browser client, and
/// <c>/legacy/socket.io.js</c> can serve another script (the 2010 client).
/// </summary>
public static class TestPages
{
    public const string Page = """
        <!doctype html>
        <html><head><meta charset="utf-8"></head><body>
        <script src="/socket.io/socket.io.js"></script>
        <script>window.received = []; window.events = [];</script>
        </body></html>
        """;

    public static Task<SocketServerHost> StartAsync(Action<SocketServerOptions>? configure = null, Action<Listener>? setup = null, string? legacyScript = null) =>
        SocketServerHost.StartAsync(
            configure,
            setup ?? (listener => listener.ClientMessage += (client, message) => client.Send(message)),
            pipeline: app =>
            {
                app.MapGet("/page", () => Results.Content(Page, "text/html; charset=utf-8"));
                app.MapGet("/legacy/page", () => Results.Content(Page.Replace("/socket.io/socket.io.js", "/legacy/socket.io.js"), "text/html; charset=utf-8"));
                if (legacyScript is not null)
                {
                    app.MapGet("/legacy/socket.io.js", () => Results.Content(legacyScript, "text/javascript; charset=utf-8"));
                }
            });

    /// <summary>Makes a socket on the page as the page's own script would, recording what it sees.</summary>
    public static Task ConnectAsync(PuppeteerSharp.IPage page, object options, string? host = null, int? port = null) =>
        page.EvaluateFunctionAsync(
            """
            (options, host, port) => {
              if (port) options.port = port;
              window.socket = new io.Socket(host, options);
              socket.on('connect', () => window.events.push('connect'));
              socket.on('close', () => window.events.push('close'));
              socket.on('reconnect', () => window.events.push('reconnect'));
              socket.on('disconnect', () => window.events.push('disconnect'));
              socket.on('message', m => window.received.push(m));
              socket.connect();
            }
            """,
            options, host, port);

    public static Task WaitForConnectAsync(PuppeteerSharp.IPage page) =>
        page.WaitForFunctionAsync("() => window.socket && socket.connected");

    public static async Task<string[]> ReceivedAsync(PuppeteerSharp.IPage page, int count)
    {
        await page.WaitForFunctionAsync("n => window.received.length >= n", count);
        return await page.EvaluateExpressionAsync<string[]>("window.received");
    }
}
