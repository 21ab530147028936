using System.Globalization;

namespace Typed.Client.Tests;

/// <summary>
/// Acknowledged delivery through a network that drops every connection every few hundred
/// milliseconds (200 here): nothing lost, nothing twice, order kept, both ways, on every transport.
/// </summary>
public sealed class FlakyNetworkTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Count = 10_000;
    private const int Burst = 50;

    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Ten_thousand_messages_each_way_survive_a_connection_cut_every_200_ms(string transport)
    {
        var atServer = new ReceivedMessages();
        await using var server = await SocketServerHost.StartAsync(ClientTransportTests.AnyOrigin, atServer.Record);
        await using var proxy = FaultyTcpProxy.Start(server.BaseUri);
        var options = ClientProbe.Options(transport);
        options.FlashPolicyPort = server.FlashPolicyEndPoint!.Port;
        await using var client = new ClientProbe(proxy.BaseUri, options);
        await client.Socket.ConnectAsync().Within();
        var session = await server.Events.ConnectedAsync(client.Socket.SessionId!);

        proxy.CutEvery(TimeSpan.FromMilliseconds(200));
        var fromServer = SendInBurstsAsync(i => session.Send(Number(i)));
        var fromClient = SendInBurstsAsync(i => client.Socket.SendAsync(Number(i)).AsTask().GetAwaiter().GetResult());
        var atClient = await client.ReceiveAsync(Count).WaitAsync(TimeSpan.FromMinutes(2));
        await Task.WhenAll(fromServer, fromClient);
        await Wait.UntilAsync(() => atServer.Count >= Count, "the server has every message");
        await client.Socket.FlushAsync().Within();
        proxy.StopCutting();

        output.WriteLine($"{transport}: {proxy.Cuts} connections cut, {client.Reconnected} reconnections");
        Assert.True(proxy.Cuts > 0, "the network was cut");
        Assert.True(client.Reconnected > 0, "the client reconnected");
        Assert.Equal(Expected(), atClient.Select(m => m.Text));
        Assert.Equal(Expected(), atServer.Snapshot());

        Assert.Equal(0, client.Expired);
        Assert.Equal(client.Socket.SessionId, session.SessionId);
    }

    private static async Task SendInBurstsAsync(Action<int> send)
    {
        for (var i = 0; i < Count; i++)
        {
            send(i);
            if (i % Burst == Burst - 1)
            {
                // Spread the traffic over several cuts rather than one burst before the first.
                await Task.Delay(10);
            }
        }
    }

    private static string Number(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<string> Expected() => Enumerable.Range(0, Count).Select(Number);
}
