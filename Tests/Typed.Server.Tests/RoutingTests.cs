using System.Net;

namespace Typed.Server.Tests;

public sealed class RoutingTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/socket.iox/xhr-polling")]
    [InlineData("/other/socket.io/xhr-polling")]
    public async Task Paths_outside_the_resource_go_to_the_application_untouched(string path)
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        using var polling = server.Polling();

        using var response = await polling.GetAsync(path);

        if (path == "/")
        {
            Assert.Equal("the application's own page", await response.Content.ReadAsStringAsync());
        }
        else
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsStringAsync());
        }

        Assert.Empty(server.Listener.Clients);
    }

    [Fact]
    public async Task A_custom_resource_is_served_at_its_own_path()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Resource = "realtime");
        using var polling = server.Polling();

        await polling.OpenAsync("/realtime/xhr-polling//1");
        using var old = await polling.GetAsync("/socket.io/xhr-polling//1");

        Assert.Single(server.Listener.Clients);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }

    [Fact]
    public async Task The_2010_clients_cookie_and_cache_busting_segment_are_ignored()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        using var polling = server.Polling();
        await polling.OpenAsync();

        var poll = polling.SendRequestAsync(HttpMethod.Get, $"/socket.io/xhr-polling/{polling.SessionId}/1289345738999", request =>
            request.Headers.Add("Cookie", "socket.io=xhr-polling"));
        using var sent = await polling.PostAsync("hi");

        using var response = await poll.Within();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"messages\":[\"hi\"]}", await response.Content.ReadAsStringAsync());
    }
}
