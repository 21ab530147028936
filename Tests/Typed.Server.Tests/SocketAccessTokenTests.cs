using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Typed.Server.Identity;
using Typed.Testing.Identity;

namespace Typed.Server.Tests;

/// <summary>
/// The query token browsers send is taken under the socket endpoint only, and is never written to
/// a log line of ours.
/// </summary>
public sealed class SocketAccessTokenTests
{
    [Theory]
    [InlineData("/socket.io/websocket", "?access_token=the-token", "the-token")]
    [InlineData("/socket.io/xhr-polling/12345/send", "?ack=3&access_token=the-token", "the-token")]
    [InlineData("/socket.io/server-events", "?access_token=the-token", "the-token")]
    [InlineData("/", "?access_token=the-token", null)]
    [InlineData("/api/socket.io/websocket", "?access_token=the-token", null)]
    [InlineData("/socket.io-elsewhere/websocket", "?access_token=the-token", null)]
    [InlineData("/socket.io/websocket", "", null)]
    [InlineData("/socket.io/websocket", "?access_token=", null)]
    [InlineData("/socket.io/websocket", "?token=the-token", null)]
    public async Task A_token_in_the_query_is_read_under_the_socket_endpoint_only(string path, string query, string? expected)
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        var context = new DefaultHttpContext { RequestServices = server.Services, Request = { Path = path, QueryString = new QueryString(query) } };

        Assert.Equal(expected, SocketAccessToken.FromQuery(context));
    }

    [Fact]
    public async Task A_jwt_in_the_query_opens_a_session_on_the_socket_endpoint_but_authenticates_no_other_path()
    {
        await using var server = await SocketServerHost.StartEchoAsync(
            services: b => b.AddTestAuthentication(),
            pipeline: app => app.MapGet("/me", (HttpContext context) => context.User.Identity?.Name).RequireAuthorization());
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        var token = TestAuthentication.Token("ana");

        using var polling = await http.GetAsync(new Uri("/socket.io/xhr-polling//1?access_token=" + token, UriKind.Relative));
        using var me = await http.GetAsync(new Uri("/me?access_token=" + token, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, polling.StatusCode);
        await Wait.UntilAsync(() => server.Listener.Clients.Count == 1, "the session is open");
        var client = Assert.Single(server.Listener.Clients);
        Assert.Equal("ana", client.UserId);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Requests_with_a_token_in_the_query_log_their_path_without_it()
    {
        await using var server = await SocketServerHost.StartAsync(
            setup: listener => listener.ClientMessage += (client, message) => client.Send(message),
            services: b => b.AddTestAuthentication(),
            endpoint: e => e.RequireAuthorization());
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        var token = TestAuthentication.Token("ana");
        var stale = TestAuthentication.Token("ana", TimeSpan.FromSeconds(-30));

        using var opened = await http.GetAsync(new Uri("/socket.io/xhr-polling//1?access_token=" + token, UriKind.Relative));
        using var unknown = await http.GetAsync(new Uri("/socket.io/no-such-transport?access_token=" + token, UriKind.Relative));
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/socket.io/websocket?access_token=" + token, UriKind.Relative)));
        using var refused = await http.GetAsync(new Uri("/socket.io/xhr-polling//1?access_token=" + stale, UriKind.Relative));

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.Unauthorized],
            [opened.StatusCode, unknown.StatusCode, head.StatusCode, refused.StatusCode]);
        await server.Logs.WaitForAsync("Refused GET /socket.io/no-such-transport: no such transport.");
        Assert.DoesNotContain(server.Logs.Entries, e => e.Category.StartsWith("Typed.", StringComparison.Ordinal) && (e.Message.Contains(token, StringComparison.Ordinal) || e.Message.Contains(stale, StringComparison.Ordinal)));
    }
}
