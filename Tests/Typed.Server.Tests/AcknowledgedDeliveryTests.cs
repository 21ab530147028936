using System.Net;
using System.Text;
using Typed.Framing;

namespace Typed.Server.Tests;

/// <summary>The acknowledged-delivery extension, spoken by hand over xhr-polling.</summary>
public sealed class AcknowledgedDeliveryTests
{
    [Fact]
    public async Task A_client_that_asks_gets_a_handshake_that_agrees_and_numbered_frames()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        using var polling = server.Polling();

        var (sessionId, acknowledged) = await OpenAsync(polling);
        var client = await server.Events.ConnectedAsync(sessionId);
        client.Send("one");
        client.Send("two");
        var frame = await PollAsync(polling, sessionId, ack: 0);

        Assert.True(acknowledged);
        Assert.True(client.Acknowledged);
        Assert.Equal(["one", "two"], frame.Messages.Select(m => m.Text));
        Assert.Equal(new DeliveryNumbers(1, 0), frame.Numbers);
    }

    [Fact]
    public async Task A_2010_client_that_does_not_ask_keeps_the_2010_protocol()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        using var polling = server.Polling();

        using var response = await polling.GetAsync("/socket.io/xhr-polling//1");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Matches("^\\{\"messages\":\\[\"\\{\\\\\"sessionid\\\\\":\\\\\"[^\\\\]+\\\\\"\\}\"\\]\\}$", body);
    }

    [Fact]
    public async Task A_payload_sent_twice_reaches_the_application_once_and_is_acknowledged()
    {
        var received = new List<string>();
        await using var server = await SocketServerHost.StartAsync(setup: listener => listener.ClientMessage += (_, m) =>
        {
            lock (received)
            {
                received.Add(m.Text);
            }
        });
        using var polling = server.Polling();
        var (sessionId, _) = await OpenAsync(polling);

        var first = await PostAsync(polling, sessionId, seq: 1, "a", "b");
        var again = await PostAsync(polling, sessionId, seq: 1, "a", "b");
        var overlapping = await PostAsync(polling, sessionId, seq: 2, "b", "c");

        Assert.Equal("{\"ack\":2}", first);
        Assert.Equal("{\"ack\":2}", again);
        Assert.Equal("{\"ack\":3}", overlapping);
        Assert.Equal(["a", "b", "c"], received);
    }

    [Fact]
    public async Task A_payload_past_a_gap_is_not_handed_over()
    {
        var received = 0;
        await using var server = await SocketServerHost.StartAsync(setup: listener => listener.ClientMessage += (_, _) => Interlocked.Increment(ref received));
        using var polling = server.Polling();
        var (sessionId, _) = await OpenAsync(polling);

        var answer = await PostAsync(polling, sessionId, seq: 5, "too early");

        Assert.Equal("{\"ack\":0}", answer);
        Assert.Equal(0, received);
    }

    [Fact]
    public async Task What_the_client_did_not_acknowledge_is_sent_again_with_the_same_numbers()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        using var polling = server.Polling();
        var (sessionId, _) = await OpenAsync(polling);
        var client = await server.Events.ConnectedAsync(sessionId);
        client.Send("one");
        client.Send("two");
        client.Send("three");

        var lost = await PollAsync(polling, sessionId, ack: 0);
        var resent = await PollAsync(polling, sessionId, ack: 1);
        client.Send("four");
        var next = await PollAsync(polling, sessionId, ack: 3);

        Assert.Equal(3, lost.Messages.Count);
        Assert.Equal(["two", "three"], resent.Messages.Select(m => m.Text));
        Assert.Equal(2, resent.Numbers.Seq);
        Assert.Equal(["four"], next.Messages.Select(m => m.Text));
        Assert.Equal(4, next.Numbers.Seq);
    }

    [Fact]
    public async Task A_numbered_websocket_payload_is_acknowledged_in_a_frame()
    {
        await using var server = await SocketServerHost.StartAsync();
        await using var socket = await WebSocketWire.ConnectAsync(server.BaseUri, query: "?acks=1");
        await socket.HandshakeAsync();

        await socket.SendRawAsync(ClientPayload.EncodeEnvelope([Message.FromText("x")], new DeliveryNumbers(1, null)));
        var bytes = await socket.ReceiveRawAsync();

        Assert.Equal("{\"messages\":[],\"ack\":1}", Encoding.UTF8.GetString(bytes!));
    }

    [Fact]
    public async Task An_answer_to_a_payload_carries_its_acknowledgement_so_no_frame_goes_for_the_ack_alone()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var socket = await WebSocketWire.ConnectAsync(server.BaseUri, query: "?acks=1");
        await socket.HandshakeAsync();

        // Ping-pong: had an acknowledgement gone in a frame of its own after an echo, the frame
        // read after the next payload would be that one, not the next echo.
        for (var seq = 1; seq <= 50; seq++)
        {
            await socket.SendRawAsync(ClientPayload.EncodeEnvelope([Message.FromText($"ping {seq}")], new DeliveryNumbers(seq, seq - 1)));
            var frame = ServerFrame.ParseContent(await socket.ReceiveRawAsync());

            Assert.Equal([$"ping {seq}"], frame.Messages.Select(m => m.Text));
            Assert.Equal(seq, frame.Numbers.Ack);
        }
    }

    private static async Task<(string SessionId, bool Acknowledged)> OpenAsync(PollingWire polling)
    {
        using var response = await polling.GetAsync("/socket.io/xhr-polling//1?acks=1");
        var frame = ServerFrame.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.True(Handshake.TryRead(frame[0], out var sessionId, out var acknowledged));
        return (sessionId, acknowledged);
    }

    private static async Task<ServerFrameContent> PollAsync(PollingWire polling, string sessionId, long ack)
    {
        using var response = await polling.GetAsync($"/socket.io/xhr-polling/{sessionId}/2?ack={ack}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ServerFrame.ParseContent(await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task<string> PostAsync(PollingWire polling, string sessionId, long seq, params string[] texts)
    {
        var payload = ClientPayload.EncodeEnvelope([.. texts.Select(Message.FromText)], new DeliveryNumbers(seq, null));
        using var response = await polling.PostFormAsync("data=" + Uri.EscapeDataString(Encoding.UTF8.GetString(payload)), sessionId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
