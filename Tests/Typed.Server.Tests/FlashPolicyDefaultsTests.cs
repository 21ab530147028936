using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Typed.Server.Tests;

/// <summary>
/// The Flash policy with the defaults: the test host sets only the policy port (843 needs
/// privileges), never Origins nor FlashPolicyAddress, and listens on http://127.0.0.1:0.
/// </summary>
public sealed class FlashPolicyDefaultsTests
{
    [Fact]
    public async Task The_default_policy_admits_the_servers_own_host_and_port_and_a_flashsocket_client_connects()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        var port = server.BaseUri.Port;

        var policy = await FlashPolicyTests.AskAsync(server, FlashPolicyTests.Request);

        Assert.Contains($"<allow-access-from domain=\"127.0.0.1\" to-ports=\"{port}\"/>", policy, StringComparison.Ordinal);
        Assert.Contains($"<allow-access-from domain=\"localhost\" to-ports=\"{port}\"/>", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("domain=\"*\"", policy, StringComparison.Ordinal);

        var options = ClientProbe.Options(TransportNames.FlashSocket);
        options.FlashPolicyPort = server.FlashPolicyEndPoint!.Port;
        await using var client = new ClientProbe(server.BaseUri, options);
        await client.Socket.ConnectAsync().Within();
        await client.Socket.SendAsync("over flash");

        Assert.Equal(TransportNames.FlashSocket, client.Socket.Transport);
        Assert.Equal("over flash", (await client.ReceiveAsync()).Text);
    }

    [Fact]
    public async Task A_loopback_app_gets_a_loopback_policy_listener_only()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        var policyPort = server.FlashPolicyEndPoint!.Port;

        var listeners = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners().Where(l => l.Port == policyPort).ToList();

        Assert.Equal(IPAddress.Loopback, server.FlashPolicyEndPoint.Address);
        Assert.NotEmpty(listeners);
        Assert.All(listeners, listener => Assert.Equal(IPAddress.Loopback, listener.Address));
    }

    [Fact]
    public async Task An_explicit_FlashPolicyAddress_still_decides_where_it_binds()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.FlashPolicyAddress = IPAddress.Any);

        Assert.Equal(IPAddress.Any, server.FlashPolicyEndPoint!.Address);
    }

    [Fact]
    public async Task A_port_that_cannot_be_bound_is_one_clear_warning_and_the_app_serves_on()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var taken = ((IPEndPoint)occupant.LocalEndpoint).Port;

        await using var server = await SocketServerHost.StartEchoAsync(o => o.FlashPolicyPort = taken);

        Assert.Null(server.FlashPolicyEndPoint);
        var warning = Assert.Single(server.Logs.Entries, e => e.Message.Contains("policy listener could not bind", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Null(warning.Exception);
        Assert.Contains($"127.0.0.1:{taken}", warning.Message, StringComparison.Ordinal);
        Assert.Contains("FlashPolicyPort", warning.Message, StringComparison.Ordinal);
        Assert.Empty(server.Logs.Errors);

        await using var client = await ClientProbe.ConnectAsync(server, ClientProbe.Options(TransportNames.WebSocket));
        await client.Socket.SendAsync("still served");
        Assert.Equal("still served", (await client.ReceiveAsync()).Text);
    }
}
