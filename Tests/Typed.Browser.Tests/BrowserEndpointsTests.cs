using Microsoft.AspNetCore.Builder;

namespace Typed.Browser.Tests;

/// <summary>A page reaches the endpoint its socket's <c>resource</c> names, over every browser transport.</summary>
public sealed class BrowserEndpointsTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Theory]
    [MemberData(nameof(BrowserTransports.All), MemberType = typeof(BrowserTransports))]
    public async Task A_page_talks_to_the_endpoint_its_resource_names(string transport)
    {
        await using var server = await SocketServerHost.StartEchoAsync(pipeline: app =>
        {
            app.MapGet("/page", () => Microsoft.AspNetCore.Http.Results.Content(TestPages.Page, "text/html; charset=utf-8"));
            app.MapSockets("admin", listener => listener.ClientMessage += (client, message) => client.Send("admin: " + message.Text));
        });
        var page = await chromium.OpenAsync(new Uri(server.BaseUri, "/page").ToString());

        await TestPages.ConnectAsync(page, new { transports = new[] { transport }, resource = "admin", rememberTransport = false });
        await TestPages.WaitForConnectAsync(page);
        await page.EvaluateExpressionAsync("socket.send('hello')");

        Assert.Equal(["admin: hello"], await TestPages.ReceivedAsync(page, 1));
        Assert.Empty(server.Listener.ClientsIndex);
    }
}
