using System.Net.Sockets;
using System.Text;

namespace Typed.Server.Tests;

public sealed class FlashPolicyTests
{
    internal const string Request = "<policy-file-request/>\0";

    [Fact]
    public async Task The_policy_lists_every_allowed_origin_and_ends_with_a_nul()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Origins = ["app.example:80", "*.cdn.example:*", "*:8080"]);

        var answer = await AskAsync(server, Request);

        Assert.Equal(
            "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE cross-domain-policy SYSTEM \"http://www.macromedia.com/xml/dtds/cross-domain-policy.dtd\">\n"
            + "<cross-domain-policy>\n"
            + "<allow-access-from domain=\"app.example\" to-ports=\"80\"/>\n"
            + "<allow-access-from domain=\"*.cdn.example\" to-ports=\"*\"/>\n"
            + "<allow-access-from domain=\"*\" to-ports=\"8080\"/>\n"
            + "</cross-domain-policy>\n\0",
            answer);
    }

    [Fact]
    public async Task A_request_sent_in_pieces_is_answered()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Origins = ["*:*"]);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.FlashPolicyEndPoint!).Within();
        var stream = tcp.GetStream();

        foreach (var piece in new[] { "<policy-", "file-request/>", "\0" })
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(piece));
            await stream.FlushAsync();
        }

        Assert.Contains("<allow-access-from domain=\"*\" to-ports=\"*\"/>", await ReadToEndAsync(stream), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\n\r\n")]
    [InlineData("<policy-file-request/>")]
    [InlineData("<policy-file-request/ >\0")]
    [InlineData("\0")]
    public async Task Anything_else_is_closed_without_an_answer(string request)
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Origins = ["*:*"]);

        Assert.Equal(string.Empty, await AskAsync(server, request, halfClose: true));
        Assert.True(server.Logs.Contains("not a policy file request"));
    }

    [Fact]
    public async Task Many_concurrent_requests_are_all_answered()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Origins = ["app.example:80"]);

        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => AskAsync(server, Request)));

        Assert.All(answers, answer => Assert.EndsWith("</cross-domain-policy>\n\0", answer, StringComparison.Ordinal));
    }

    [Fact]
    public async Task There_is_no_policy_listener_unless_flashsocket_is_enabled()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Transports = [TransportNames.WebSocket, TransportNames.XhrPolling]);

        Assert.Null(server.FlashPolicyEndPoint);
    }

    [Fact]
    public async Task The_flashsocket_transport_is_the_websocket_transport_under_its_own_name()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var wire = new WebSocketWire(server.BaseUri, TransportNames.FlashSocket);
        await wire.OpenAsync();

        await wire.SendAsync("over flash");

        Assert.Equal("over flash", (await wire.ReceiveAsync()).Text);
        Assert.Equal(TransportNames.FlashSocket, server.Listener.ClientsIndex[wire.SessionId].Transport);
    }

    internal static async Task<string> AskAsync(SocketServerHost server, string request, bool halfClose = false)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.FlashPolicyEndPoint!).Within();
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        if (halfClose)
        {
            tcp.Client.Shutdown(SocketShutdown.Send);
        }

        return await ReadToEndAsync(stream);
    }

    private static async Task<string> ReadToEndAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync().Within();
    }
}
