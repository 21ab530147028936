using System.Globalization;
using PuppeteerSharp;

namespace Typed.Browser.Tests;

/// <summary>
/// A page on a network that drops every connection twice a second, with acknowledged delivery:
/// what each side sends arrives at the other once and in order, on every browser transport.
/// </summary>
public sealed class BrowserFlakyNetworkTests(Chromium chromium, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<Chromium>
{
    private const int Count = 3_000;
    private const int Burst = 20;

    // A pause between bursts spreads the traffic over several cuts rather than one burst before the first.
    private const int PauseMs = 20;

    [Theory]
    [MemberData(nameof(BrowserTransports.All), MemberType = typeof(BrowserTransports))]
    public async Task Three_thousand_messages_each_way_survive_a_connection_cut_every_500_ms(string transport)
    {
        var atServer = new List<string>();
        await using var flaky = await FlakyPage.ConnectAsync(chromium, transport, TimeSpan.FromMilliseconds(200), listener =>
            listener.ClientMessage += (_, message) =>
            {
                lock (atServer)
                {
                    atServer.Add(message.Text);
                }
            });
        var (server, proxy, page, sessionId) = (flaky.Server, flaky.Proxy, flaky.Page, flaky.SessionId);
        var session = await server.Events.ConnectedAsync(sessionId);

        proxy.CutEvery(TimeSpan.FromMilliseconds(500));
        await page.EvaluateFunctionAsync(
            """
            (count, burst, pause) => {
              let i = 0;
              (function next() {
                for (let k = 0; k < burst && i < count; k++) socket.send(String(i++));
                if (i < count) setTimeout(next, pause);
              })();
            }
            """,
            Count,
            Burst,
            PauseMs);
        for (var i = 0; i < Count; i++)
        {
            session.Send(Number(i));
            if (i % Burst == Burst - 1)
            {
                await Task.Delay(PauseMs);
            }
        }

        await page.WaitForFunctionAsync("n => window.received.length >= n", new WaitForFunctionOptions { Timeout = 120_000 }, Count);
        var atPage = await page.EvaluateExpressionAsync<string[]>("window.received");
        await Wait.UntilAsync(() => Counted(atServer) >= Count, "the server has every message the page sent", TimeSpan.FromMinutes(2));
        var cuts = proxy.Cuts;
        proxy.StopCutting();
        var reconnections = await page.EvaluateExpressionAsync<int>("window.events.filter(e => e === 'reconnect').length");

        // Polling pages just poll again after a cut; the others reconnect their stream.
        output.WriteLine($"{transport}: {cuts} connections cut while the messages flowed, {reconnections} reconnections");
        Assert.True(cuts >= 3, $"the network was cut {cuts} times");
        Assert.Equal(Expected(), atPage);
        lock (atServer)
        {
            Assert.Equal(Expected(), atServer);
        }

        Assert.Equal(sessionId, await page.EvaluateExpressionAsync<string>("socket.sessionId"));
        Assert.Equal(0, server.Events.DisconnectCount(sessionId));
    }

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
