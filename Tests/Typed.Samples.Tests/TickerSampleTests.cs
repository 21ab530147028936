using System.Text.RegularExpressions;

namespace Typed.Samples.Tests;

/// <summary>
/// The Ticker sample, started as users start it with a fixed seed: a page in Chromium and the
/// console client see the same quotes in the same order, against committed snapshots.
/// </summary>
public sealed class TickerSampleTests(Chromium chromium) : IClassFixture<Chromium>
{
    private const int Quotes = 30;

    [Theory]
    [InlineData(TransportNames.WebSocket)]
    [InlineData(TransportNames.XhrPolling)]
    public async Task The_page_and_the_console_client_see_the_same_seeded_quotes(string transport)
    {
        // Two in the audience, so that the feed waits for both and each sees it from quote 1.
        await using var server = SampleProcess.Start("Ticker", [.. TickerArguments.Seeded, "--Ticker:Audience=2", $"--Ticker:Count={Quotes}"]);
        var url = (await server.WaitForAsync(SampleProcess.Listening())).Groups["url"].Value;

        var page = await TickerPage.ConnectAsync(chromium, url, transport);
        await using var client = SampleProcess.Start("Ticker.Client", "--url", url, "--transport", transport, "--count", $"{Quotes}");
        await client.WaitForAsync(new Regex($"^\\* received {Quotes} quotes; leaving$"));
        Assert.Equal(0, await client.CloseInputAndWaitAsync());
        await page.WaitForQuotesAsync(Quotes);

        var printed = QuoteLines.Of(client.Transcript);
        Assert.Equal(printed, await page.SeenAsync());
        Snapshot.Match(Transcripts.Normalise(client.Transcript), $"Ticker.Client.{transport}");
        Snapshot.Match(Transcripts.Normalise(await page.SeenAsync()), $"Ticker.Page.Quotes.{transport}");
        Snapshot.Match((await page.TextAsync()).TrimEnd() + "\n", $"Ticker.Page.Text.{transport}");

        // A page that comes after the feed is over draws the same from the Recent quotes alone.
        var late = await TickerPage.ConnectAsync(chromium, url, transport);
        await late.WaitForCountAsync(Quotes);
        Assert.Equal(await page.TextAsync(), await late.TextAsync());
    }

    [Fact]
    public async Task A_page_that_joins_a_feed_running_for_a_while_gets_the_full_history_and_stays()
    {
        // The sample's own defaults (interval, history, queue limit), as users run it.
        await using var server = SampleProcess.Start("Ticker", "--urls", "http://127.0.0.1:0", "--Sockets:FlashPolicyPort=0");
        var url = (await server.WaitForAsync(SampleProcess.Listening())).Groups["url"].Value;
        var history = 60 * 3;

        // A console client sees more quotes go by than Recent keeps, so the history is full.
        await using (var client = SampleProcess.Start("Ticker.Client", "--url", url, "--count", $"{history + 10}"))
        {
            await client.WaitForAsync(new Regex($"^\\* received {history + 10} quotes; leaving$"));
            Assert.Equal(0, await client.CloseInputAndWaitAsync());
        }

        var page = await TickerPage.ConnectAsync(chromium, url, TransportNames.WebSocket);
        await page.Page.WaitForFunctionAsync("n => window.seen.length >= n", history + 30);

        Assert.StartsWith("connected over websocket", await page.Page.EvaluateExpressionAsync<string>("document.getElementById('status').textContent"), StringComparison.Ordinal);
        Assert.DoesNotContain(server.Transcript, line => line.Contains("slow client", StringComparison.Ordinal));
    }
}
