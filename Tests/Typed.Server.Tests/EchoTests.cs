using System.Text;

namespace Typed.Server.Tests;

public sealed class EchoTests
{
    public static TheoryData<string, string> Texts()
    {
        var data = new TheoryData<string, string>();
        foreach (var transport in new[] { TransportNames.WebSocket, TransportNames.XhrPolling })
        {
            foreach (var text in StringGallery.Texts)
            {
                data.Add(transport, text);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task A_string_comes_back_exactly_as_sent(string transport, string text)
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        var sent = Message.FromText(text);

        var echoed = await EchoAsync(server, transport, sent);

        Assert.Equal(text, echoed.Text);
        Assert.Equal(sent.Json.ToArray(), echoed.Json.ToArray());
    }

    [Theory]
    [InlineData(TransportNames.WebSocket)]
    [InlineData(TransportNames.XhrPolling)]
    public async Task A_json_object_and_unusual_escapes_come_back_byte_for_byte(string transport)
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        Message[] sent =
        [
            Message.FromJson("{\"a\": [1, 2.50, {\"b\" : \"c\"}], \"d\":\"\\u00e9\\/\"}"),
            Message.FromJson("\"caf\\u00e9 \\ud83d\\ude00 \\/\""),
            Message.FromJson("12.0e3"),
        ];

        foreach (var message in sent)
        {
            var echoed = await EchoAsync(server, transport, message);
            Assert.Equal(Encoding.UTF8.GetString(message.Json.Span), Encoding.UTF8.GetString(echoed.Json.Span));
        }
    }

    private static async Task<Message> EchoAsync(SocketServerHost server, string transport, Message message)
    {
        if (transport == TransportNames.WebSocket)
        {
            await using var socket = await server.WebSocketAsync();
            await socket.HandshakeAsync();
            await socket.SendAsync(message);
            return await socket.ReceiveAsync();
        }

        using var polling = server.Polling();
        await polling.OpenAsync();
        using var sent = await polling.PostAsync(message);
        Assert.Equal("ok", await sent.Content.ReadAsStringAsync());
        return Assert.Single(await polling.PollForAsync(1));
    }
}
