namespace Typed.Client.Tests;

/// <summary>Acknowledged delivery seen from the server: what the client has received stops counting against its queue.</summary>
public sealed class AcknowledgementTests
{
    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_client_that_only_listens_still_acknowledges_what_it_receives(string transport)
    {
        await using var server = await SocketServerHost.StartEchoAsync(ClientTransportTests.AnyOrigin);
        var options = ClientProbe.Options(transport);
        options.AckDelay = TimeSpan.FromMilliseconds(50);
        await using var client = await ClientProbe.ConnectAsync(server, options);
        var session = await server.Events.ConnectedAsync(client.Socket.SessionId!);

        for (var i = 0; i < 5; i++)
        {
            session.Send($"news {i}");
        }

        var received = await client.ReceiveAsync(5);

        Assert.Equal(["news 0", "news 1", "news 2", "news 3", "news 4"], received.Select(m => m.Text));
        await Wait.UntilAsync(() => session.QueuedBytes == 0, "the server hears that everything arrived, though the client sent nothing");
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_listening_client_outlasts_a_queue_limit_smaller_than_what_passes_through_it(string transport)
    {
        await using var server = await SocketServerHost.StartEchoAsync(o =>
        {
            ClientTransportTests.AnyOrigin(o);
            o.MaxQueuedBytes = 4096;
        });
        var options = ClientProbe.Options(transport);
        options.AckDelay = TimeSpan.FromMilliseconds(20);
        await using var client = await ClientProbe.ConnectAsync(server, options);
        var session = await server.Events.ConnectedAsync(client.Socket.SessionId!);
        var news = new string('n', 1000);

        // Ten times the limit, each message sent once the server has heard the last one arrived.
        for (var i = 0; i < 40; i++)
        {
            session.Send(news);
            Assert.Equal(news, (await client.ReceiveAsync()).Text);
            await Wait.UntilAsync(() => session.QueuedBytes == 0, "the message is acknowledged");
        }

        Assert.True(session.Connected);
        Assert.Null(session.DisconnectReason);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_listening_client_acknowledges_at_once_when_64_KiB_are_owed_however_long_its_delay(string transport)
    {
        await using var server = await SocketServerHost.StartEchoAsync(ClientTransportTests.AnyOrigin);
        var options = ClientProbe.Options(transport);
        options.AckDelay = TimeSpan.FromHours(1);
        await using var client = await ClientProbe.ConnectAsync(server, options);
        var session = await server.Events.ConnectedAsync(client.Socket.SessionId!);
        var news = new string('n', 1000);

        // 70 KB, past the bound: the hour-long delay never comes, so only the bound acknowledges.
        for (var i = 0; i < 70; i++)
        {
            session.Send(news);
        }

        Assert.Equal(70, (await client.ReceiveAsync(70)).Count);
        await Wait.UntilAsync(() => session.QueuedBytes == 0, "the server hears that everything arrived, though the client sent nothing and its delay is an hour");
        Assert.True(session.Connected);
    }
}
