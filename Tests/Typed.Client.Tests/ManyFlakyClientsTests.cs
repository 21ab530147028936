using System.Collections.Concurrent;
using System.Globalization;

namespace Typed.Client.Tests;

/// <summary>
/// Fifty clients over all six transports at once, through a network that cuts every connection,
/// stalls all traffic and forwards it in small pieces: every message arrives once, in order, both ways.
/// </summary>
[Collection(HeavyNetworkRuns.Name)]
public sealed class ManyFlakyClientsTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Clients = 50;
    private const int Count = 10_000;
    private const int Burst = 100;

    [Fact]
    public async Task Fifty_clients_over_every_transport_exchange_ten_thousand_messages_each_way_through_cuts_stalls_and_partial_writes()
    {
        var atServer = new ConcurrentDictionary<string, List<string>>(StringComparer.Ordinal);
        await using var server = await SocketServerHost.StartAsync(ClientTransportTests.AnyOrigin, listener =>
            listener.ClientMessage += (client, message) =>
            {
                var messages = atServer.GetOrAdd(client.SessionId, _ => []);
                lock (messages)
                {
                    messages.Add(message.Text);
                }
            });
        await using var proxy = FaultyTcpProxy.Start(server.BaseUri);
        proxy.MaxChunk = 500;
        var transports = Enumerable.Range(0, Clients).Select(i => TransportNames.All[i % TransportNames.All.Count]).ToArray();
        var clients = await Task.WhenAll(transports.Select(async transport =>
        {
            var options = ClientProbe.Options(transport);
            options.FlashPolicyPort = server.FlashPolicyEndPoint!.Port;
            var probe = new ClientProbe(proxy.BaseUri, options);
            await probe.Socket.ConnectAsync().WaitAsync(TimeSpan.FromMinutes(1));
            return probe;
        }));
        var sessions = await Task.WhenAll(clients.Select(c => server.Events.ConnectedAsync(c.Socket.SessionId!)));

        using var faults = new CancellationTokenSource();
        proxy.CutEvery(TimeSpan.FromMilliseconds(700));
        var stalling = StallNowAndThenAsync(proxy, faults.Token);
        var atClients = clients.Select(_ => new List<string>(Count)).ToArray();
        for (var i = 0; i < Clients; i++)
        {
            var received = atClients[i];
            clients[i].Socket.MessageReceived += message =>
            {
                lock (received)
                {
                    received.Add(message.Text);
                }
            };
        }

        Task[] flushes = [];
        var sending = Task.WhenAll(clients.Select((client, i) => SendBothWaysAsync(client, sessions[i])));
        try
        {
            await sending.WaitAsync(TimeSpan.FromMinutes(5));
            await Wait.UntilAsync(
                () => clients.Select((c, i) => Counted(atServer, c.Socket.SessionId!) >= Count && Counted(atClients[i]) >= Count).All(done => done),
                "every message has arrived both ways",
                TimeSpan.FromMinutes(5));
            flushes = [.. clients.Select(c => c.Socket.FlushAsync())];
            await Task.WhenAll(flushes).WaitAsync(TimeSpan.FromMinutes(1));
        }
        finally
        {
            for (var i = 0; i < Clients; i++)
            {
                output.WriteLine($"{transports[i]} client {i}: {Counted(atClients[i])} received, {Counted(atServer, clients[i].Socket.SessionId!)} at the server, "
                    + $"acknowledged {flushes.ElementAtOrDefault(i)?.IsCompletedSuccessfully}, connected {clients[i].Socket.Connected}, {clients[i].Reconnected} reconnections");
            }
        }

        await faults.CancelAsync();
        var stalls = await stalling;
        proxy.StopCutting();

        output.WriteLine($"{proxy.Cuts} connections cut, {stalls} stalls, {clients.Sum(c => c.Reconnected)} reconnections");
        Assert.True(proxy.Cuts > Clients, "connections were cut");
        Assert.True(stalls > 0, "traffic was stalled");
        for (var i = 0; i < Clients; i++)
        {
            var sessionId = clients[i].Socket.SessionId!;
            lock (atClients[i])
            {
                Assert.True(Expected().SequenceEqual(atClients[i]), $"{transports[i]} client {i} received every message once, in order");
            }

            lock (atServer[sessionId])
            {
                Assert.True(Expected().SequenceEqual(atServer[sessionId]), $"the server received every message of {transports[i]} client {i} once, in order");
            }

            Assert.Equal(0, clients[i].Expired);
            Assert.Equal(sessions[i].SessionId, sessionId);
        }

        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }

    /// <summary>Both ways at once, in bursts spread over many cuts.</summary>
    private static async Task SendBothWaysAsync(ClientProbe client, Server.Client session)
    {
        for (var i = 0; i < Count; i++)
        {
            session.Send(Number(i));
            await client.Socket.SendAsync(Number(i));
            if (i % Burst == Burst - 1)
            {
                await Task.Delay(20);
            }
        }
    }

    /// <summary>Holds all traffic for a moment every second or so; returns how many stalls there were.</summary>
    private static async Task<int> StallNowAndThenAsync(FaultyTcpProxy proxy, CancellationToken stop)
    {
        var stalls = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(1000, stop);
                proxy.Stalled = true;
                stalls++;
                await Task.Delay(250, stop);
                proxy.Stalled = false;
            }
        }
        catch (OperationCanceledException)
        {
            proxy.Stalled = false;
        }

        return stalls;
    }

    private static int Counted(ConcurrentDictionary<string, List<string>> messages, string sessionId) =>
        messages.TryGetValue(sessionId, out var list) ? Counted(list) : 0;

    private static int Counted(List<string> messages)
    {
        lock (messages)
        {
            return messages.Count;
        }
    }

    private static string Number(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<string> Expected() => Enumerable.Range(0, Count).Select(Number);
}
