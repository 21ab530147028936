using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Typed.Client.Tests.Typed;
using Typed.Framing;
using Typed.MessagePack;
using Typed.TestContracts;

namespace Typed.Client.Tests;

/// <summary>MessagePack over binary WebSocket frames, negotiated per connection.</summary>
public sealed class MessagePackTests
{
    private static readonly MessagePackFrameCodec Codec = new();

    public static TheoryData<string> Frames() =>
    [
        "{\"messages\":[\"hello\",\"caf\\u00e9 😀 \\u2028\",{\"a\":[1,-2,3.5,1e300,null,true,false]},\"\"]}",
        "{\"messages\":[79228162514264337593543950335,0.1,18446744073709551615,-9223372036854775808,1.0]}",
        "{\"messages\":[\"lone \\ud800 surrogate\"],\"seq\":7,\"ack\":3}",
        "{\"event\":\"Say\",\"args\":[\"x\",{\"deep\":{\"deeper\":[[[]]]}}],\"id\":9}",
        "[\"a payload\",\"</script>\"]",
    ];

    [Theory]
    [MemberData(nameof(Frames))]
    public void Frames_go_through_messagepack_and_back_to_the_same_json_values(string json)
    {
        var binary = Codec.Encode(System.Text.Encoding.UTF8.GetBytes(json));
        var back = Codec.Decode(binary);

        using var expected = System.Text.Json.JsonDocument.Parse(json);
        using var actual = System.Text.Json.JsonDocument.Parse(back);
        Assert.True(SameValue(expected.RootElement, actual.RootElement), System.Text.Encoding.UTF8.GetString(back));
    }

    /// <summary>JSON equality that, unlike <c>JsonElement.DeepEquals</c>, also compares strings holding lone surrogates.</summary>
    private static bool SameValue(System.Text.Json.JsonElement a, System.Text.Json.JsonElement b) => a.ValueKind == b.ValueKind && a.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Object => a.EnumerateObject().Count() == b.EnumerateObject().Count()
            && a.EnumerateObject().All(p => b.TryGetProperty(p.Name, out var other) && SameValue(p.Value, other)),
        System.Text.Json.JsonValueKind.Array => a.GetArrayLength() == b.GetArrayLength()
            && a.EnumerateArray().Zip(b.EnumerateArray()).All(pair => SameValue(pair.First, pair.Second)),
        System.Text.Json.JsonValueKind.String => Messages.JsonString.Read(System.Text.Encoding.UTF8.GetBytes(a.GetRawText()))
            == Messages.JsonString.Read(System.Text.Encoding.UTF8.GetBytes(b.GetRawText())),
        System.Text.Json.JsonValueKind.Number => decimal.TryParse(a.GetRawText(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x)
            && decimal.TryParse(b.GetRawText(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var y)
                ? x == y
                : a.GetDouble() == b.GetDouble(),
        _ => true,
    };

    [Fact]
    public void The_messagepack_form_is_smaller_than_the_json_for_typed_events()
    {
        var json = System.Text.Encoding.UTF8.GetBytes("{\"event\":\"Joined\",\"args\":[\"ana\",12345,true,[1,2,3,4,5,6,7,8]],\"id\":42}");

        Assert.True(Codec.Encode(json).Length < json.Length);
    }

    [Theory]
    [InlineData(new byte[] { 0xC1 })]
    [InlineData(new byte[] { 0x92, 0x01 })]
    [InlineData(new byte[] { 0x01, 0x02 })]
    [InlineData(new byte[] { 0xD4, 0x7F, 0x00 })]
    public void Bytes_that_are_not_its_messagepack_are_the_protocol_error(byte[] binary) =>
        Assert.Throws<ProtocolFormatException>(() => Codec.Decode(binary));

    [Theory]
    [InlineData(TransportNames.WebSocket)]
    [InlineData(TransportNames.FlashSocket)]
    public async Task Plain_strings_and_every_typed_argument_go_both_ways_over_messagepack(string transport)
    {
        await using var server = await SocketServerHost.StartEchoAsync(
            ClientTransportTests.AnyOrigin,
            services: builder => builder.Services.AddSockets().AddFrameCodec(Codec));
        server.Listener.Handle<IEcho, EchoHandler>();
        var options = ClientProbe.Options(transport);
        options.FrameCodec = Codec;
        options.FlashPolicyPort = server.FlashPolicyEndPoint!.Port;
        await using var client = new ClientProbe(server.BaseUri, options);
        client.Socket.Handle<IEcho>(new EchoHandler());
        await client.Socket.ConnectAsync().Within();

        foreach (var text in StringGallery.Texts)
        {
            await client.Socket.SendAsync(text);
        }

        Assert.Equal(StringGallery.Texts, (await client.ReceiveAsync(StringGallery.Texts.Count)).Select(m => m.Text));
        Assert.Equal(79228162514264337593543950335m, await client.Socket.Events<IEcho>().Decimal(79228162514264337593543950335m).Within());
        Assert.Equal(["x", "é"], await client.Socket.Events<IEcho>().List(["x", "é"]).Within());
        var session = server.Listener.ClientsIndex[client.Socket.SessionId!];
        Assert.Equal("to the client ✓", await session.Events<IEcho>().Text("to the client ✓").Within());
        Assert.Equal(transport, client.Socket.Transport);
    }

    [Fact]
    public async Task The_server_speaks_binary_frames_only_to_the_connection_that_asked()
    {
        await using var server = await SocketServerHost.StartEchoAsync(services: builder => builder.Services.AddSockets().AddFrameCodec(Codec));
        using var binary = new ClientWebSocket();
        using var text = new ClientWebSocket();

        await binary.ConnectAsync(new Uri($"ws://{server.BaseUri.Authority}/socket.io/websocket?codec=msgpack"), CancellationToken.None).Within();
        await text.ConnectAsync(new Uri($"ws://{server.BaseUri.Authority}/socket.io/websocket"), CancellationToken.None).Within();
        var buffer = new byte[4096];
        var binaryHandshake = await binary.ReceiveAsync(buffer, CancellationToken.None).Within();
        var handshakeJson = Codec.Decode(buffer.AsSpan(0, binaryHandshake.Count));
        var textHandshake = await text.ReceiveAsync(buffer, CancellationToken.None).Within();

        Assert.Equal(WebSocketMessageType.Binary, binaryHandshake.MessageType);
        Assert.True(Handshake.TryReadSessionId(ServerFrame.Parse(handshakeJson)[0], out _));
        Assert.Equal(WebSocketMessageType.Text, textHandshake.MessageType);
    }

    [Fact]
    public async Task A_codec_the_server_does_not_offer_is_refused_and_the_client_falls_back()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        var options = ClientProbe.Options(TransportNames.WebSocket, TransportNames.XhrPolling);
        options.FrameCodec = Codec;
        await using var client = await ClientProbe.ConnectAsync(server, options);

        Assert.Equal(TransportNames.XhrPolling, client.Socket.Transport);
        await client.Socket.SendAsync("json over polling");
        Assert.Equal("json over polling", (await client.ReceiveAsync()).Text);
    }
}
