namespace Typed.Server.Tests;

/// <summary>What every transport promises, run over each of the six on real loopback sockets.</summary>
public sealed class TransportContractTests
{
    public static TheoryData<string> Transports() => [.. TransportNames.All];

    public static TheoryData<string, string> TransportsAndTexts()
    {
        var data = new TheoryData<string, string>();
        foreach (var transport in TransportNames.All)
        {
            foreach (var text in StringGallery.Texts)
            {
                data.Add(transport, text);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_new_session_receives_its_session_id_first(string transport)
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var wire = server.Wire(transport);

        Assert.Empty(await wire.OpenAsync());

        var client = await server.Events.ConnectedAsync(wire.SessionId);
        Assert.Equal(transport, client.Transport);
        Assert.Matches("^[A-Za-z0-9_-]{22,}$", wire.SessionId);
    }

    [Theory]
    [MemberData(nameof(TransportsAndTexts))]
    public async Task A_string_comes_back_exactly_as_sent(string transport, string text)
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var wire = server.Wire(transport);
        await wire.OpenAsync();

        await wire.SendAsync(text);
        var echoed = await wire.ReceiveAsync();

        Assert.Equal(text, echoed.Text);
        if (transport != TransportNames.HtmlFile)
        {
            // htmlfile escapes '<' and the line separators for its script tag; the text is the same.
            Assert.Equal(Message.FromText(text).Json.ToArray(), echoed.Json.ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Messages_queued_while_disconnected_arrive_in_one_frame_on_reconnect(string transport)
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var wire = server.Wire(transport);
        await wire.OpenAsync();
        var client = await server.Events.ConnectedAsync(wire.SessionId);
        await wire.DropAsync();
        await Wait.UntilAsync(() => !client.Connected, "the server sees the downstream gone");

        for (var i = 1; i <= 5; i++)
        {
            client.Send($"queued {i}");
        }

        await wire.ReattachAsync();
        var frame = await wire.ReceiveFrameAsync();
        client.Send("after");

        Assert.Equal(["queued 1", "queued 2", "queued 3", "queued 4", "queued 5"], frame.Select(m => m.Text));
        Assert.Equal("after", (await wire.ReceiveAsync()).Text);
        Assert.Equal(0, server.Events.DisconnectCount(wire.SessionId));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Past_the_timeout_the_client_disconnects_once(string transport)
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Timeout = TimeSpan.FromMilliseconds(300));
        await using var wire = server.Wire(transport);
        await wire.OpenAsync();

        await wire.DropAsync();
        var client = await server.Events.DisconnectedAsync(wire.SessionId);

        Assert.Equal(DisconnectReason.Timeout, client.DisconnectReason);
        Assert.Equal(1, server.Events.DisconnectCount(wire.SessionId));
        Assert.False(server.Listener.ClientsIndex.ContainsKey(wire.SessionId));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task An_idle_downstream_carries_heartbeats_and_stays_open(string transport)
    {
        var interval = new TransportOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(100), Duration = TimeSpan.FromMilliseconds(100) };
        await using var server = await SocketServerHost.StartEchoAsync(o => o.TransportOptions[transport] = interval);
        await using var wire = server.Wire(transport);
        await wire.OpenAsync();

        for (var i = 0; i < 3; i++)
        {
            await wire.ExpectHeartbeatAsync();
        }

        await wire.SendAsync("after the heartbeats");
        Assert.Equal("after the heartbeats", (await wire.ReceiveAsync()).Text);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Messages_sent_to_a_connected_client_arrive_in_order(string transport)
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var wire = server.Wire(transport);
        await wire.OpenAsync();
        var client = await server.Events.ConnectedAsync(wire.SessionId);

        for (var i = 0; i < 50; i++)
        {
            client.Send(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), (await wire.ReceiveAsync()).Text);
        }
    }
}
