using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Typed.Client.Tests;

/// <summary>
/// Two resources in one application are two endpoints, as two SignalR hubs are: their own
/// sessions, handlers, broadcasts and options, over every transport.
/// </summary>
public sealed class SeveralEndpointsTests
{
    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Two_resources_keep_their_sessions_handlers_and_broadcasts_apart(string transport)
    {
        await using var server = await StartAsync();
        var admin = server.Services.GetRequiredKeyedService<Server.Listener>("admin");
        await using var user = await ClientProbe.ConnectAsync(server, ClientProbe.Options(transport));
        var adminOptions = ClientProbe.Options(transport);
        adminOptions.Resource = "admin";
        await using var operator_ = await ClientProbe.ConnectAsync(server, adminOptions);

        await user.Socket.SendAsync("hello");
        await operator_.Socket.SendAsync("hello");
        Assert.Equal("hello", (await user.ReceiveAsync()).Text);
        Assert.Equal("admin: hello", (await operator_.ReceiveAsync()).Text);

        Assert.Equal([user.Socket.SessionId], server.Listener.ClientsIndex.Keys);
        Assert.Equal([operator_.Socket.SessionId], admin.ClientsIndex.Keys);

        admin.Broadcast("to the admins");
        server.Listener.Broadcast("to the users");
        Assert.Equal("to the admins", (await operator_.ReceiveAsync()).Text);
        Assert.Equal("to the users", (await user.ReceiveAsync()).Text);
        await user.Socket.SendAsync("after");
        Assert.Equal("after", (await user.ReceiveAsync()).Text);
    }

    [Fact]
    public async Task Each_endpoint_has_its_own_options_over_the_applications()
    {
        await using var server = await StartAsync();
        var admin = server.Services.GetRequiredKeyedService<Server.Listener>("admin");

        Assert.Equal(TimeSpan.FromMinutes(1), admin.Options.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(8), server.Listener.Options.Timeout);
        Assert.Equal("admin", admin.Options.Resource);
        Assert.Equal(server.Listener.Options.Origins, admin.Options.Origins);
        Assert.Same(server.Listener, server.Services.GetRequiredKeyedService<Server.Listener>("socket.io"));
    }

    [Fact]
    public async Task A_resource_is_mapped_once_and_an_unmapped_one_is_named_in_the_error()
    {
        await using var server = await StartAsync();

        var twice = await Assert.ThrowsAsync<InvalidOperationException>(() => SocketServerHost.StartEchoAsync(pipeline: app =>
        {
            app.MapSockets("twice");
            app.MapSockets("twice");
        }));
        var unmapped = Assert.Throws<InvalidOperationException>(() => server.Services.GetRequiredKeyedService<Server.Listener>("nowhere"));

        Assert.Contains("/twice", twice.Message, StringComparison.Ordinal);
        Assert.Contains("/nowhere", unmapped.Message, StringComparison.Ordinal);
    }

    private static Task<SocketServerHost> StartAsync() =>
        SocketServerHost.StartEchoAsync(
            ClientTransportTests.AnyOrigin,
            pipeline: app => app.MapSockets(
                "admin",
                listener => listener.ClientMessage += (client, message) => client.Send("admin: " + message.Text),
                options => options.Timeout = TimeSpan.FromMinutes(1)));
}
