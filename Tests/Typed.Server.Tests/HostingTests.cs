using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.DependencyInjection;

namespace Typed.Server.Tests;

/// <summary>The server composes with the rest of an ASP.NET Core application and with other libraries.</summary>
public sealed class HostingTests
{
    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Adding_the_sockets_twice_serves_every_transport_once_with_both_configurations(string transport)
    {
        await using var server = await SocketServerHost.StartEchoAsync(services: builder =>
        {
            // As a second library would: its configuration joins, nothing is registered twice.
            builder.Services.AddSockets(o => o.MaxMessageSize = 4096);
            builder.Services.AddSockets(o => o.Origins = ["*:*"]);
        });
        await using var wire = server.Wire(transport);
        await wire.OpenAsync();

        await wire.SendAsync("once");

        Assert.Equal("once", (await wire.ReceiveAsync()).Text);
        Assert.Equal(4096, server.Listener.Options.MaxMessageSize);
        Assert.Equal(["*:*"], server.Listener.Options.Origins);
    }

    [Fact]
    public async Task The_applications_own_endpoints_get_no_websocket_middleware_from_the_sockets()
    {
        await using var server = await SocketServerHost.StartEchoAsync(pipeline: app =>
            app.MapGet("/own", (HttpContext context) => context.Features.Get<IHttpWebSocketFeature>() is null ? "none" : "websockets"));
        using var http = new HttpClient { BaseAddress = server.BaseUri };

        Assert.Equal("none", await http.GetStringAsync("/own"));
        var socket = await server.WebSocketAsync();
        await socket.HandshakeAsync();
        await socket.DisposeAsync();
    }

    // Streams, which a request timeout would end; a held poll cut short is only answered early.
    [Theory]
    [InlineData(TransportNames.ServerEvents)]
    [InlineData(TransportNames.HtmlFile)]
    [InlineData(TransportNames.XhrMultipart)]
    public async Task An_applications_default_request_timeout_does_not_cut_streams(string transport)
    {
        var held = TimeSpan.FromSeconds(1);
        await using var server = await SocketServerHost.StartEchoAsync(
            o => o.TransportOptions[transport] = new TransportOptions { Duration = held, HeartbeatInterval = held },
            services: builder => builder.Services.AddRequestTimeouts(o => o.DefaultPolicy = new RequestTimeoutPolicy { Timeout = TimeSpan.FromMilliseconds(100) }),
            pipeline: app => app.UseRequestTimeouts());
        await using var wire = server.Wire(transport);
        await wire.OpenAsync();
        var client = await server.Events.ConnectedAsync(wire.SessionId);

        // Past ten times the app's timeout: a downstream cut at 100 ms would have lost this.
        await wire.ExpectHeartbeatAsync();
        client.Send("after the heartbeat");

        Assert.Equal("after the heartbeat", (await wire.ReceiveAsync()).Text);
        Assert.Equal(0, server.Events.DisconnectCount(wire.SessionId));
    }
}
