using System.Globalization;
using System.Net;
using System.Text;

namespace Typed.Samples.Tests;

/// <summary>
/// The Legacy sample, started as users start it, with the unmodified 2010 browser client
/// (fetched from npm at test time): pages chat over websocket and xhr-polling, a newcomer gets
/// the buffer, and what each page was sent and shows is compared with committed snapshots.
/// </summary>
public sealed class LegacySampleTests(Chromium chromium, LegacyClient legacy) : IClassFixture<Chromium>, IClassFixture<LegacyClient>
{
    [Fact]
    public async Task Pages_of_2010_chat_over_websocket_and_xhr_polling()
    {
        var script = Directory.CreateTempSubdirectory("typed-legacy-");
        try
        {
            var scriptPath = Path.Combine(script.FullName, "socket.io.js");
            await File.WriteAllTextAsync(scriptPath, legacy.Script);
            await using var server = SampleProcess.Start("Legacy", "--urls", "http://127.0.0.1:0", "--Legacy:ClientScript=" + scriptPath);
            var url = (await server.WaitForAsync(SampleProcess.Listening())).Groups["url"].Value;

            // Each step waits for what it causes to arrive everywhere before the next one, so
            // that every page's sequence is the same on every run.
            var ana = await LegacyPage.OpenAsync(chromium, "A", url + "/?transport=websocket");
            await ana.WaitForMessagesAsync(1);

            var bob = await LegacyPage.OpenAsync(chromium, "B", url + "/?transport=xhr-polling");
            await bob.WaitForMessagesAsync(1);
            await ana.WaitForMessagesAsync(2);

            await ana.SayAsync("hello from websocket");
            await bob.WaitForMessagesAsync(2);

            await bob.SayAsync("\"quoted\", </script> & snowman ☃");
            await ana.WaitForMessagesAsync(3);

            // A newcomer with the page's own choice of transports gets the buffer.
            var cid = await LegacyPage.OpenAsync(chromium, "C", url + "/");
            await cid.WaitForMessagesAsync(1);
            await ana.WaitForMessagesAsync(4);
            await bob.WaitForMessagesAsync(3);
            var cidSeen = await DescribeAsync(cid);

            // Leaving: announced once the session times out without its connection.
            await cid.Page.CloseAsync();
            await ana.WaitForMessagesAsync(5);
            await bob.WaitForMessagesAsync(4);

            Seen[] everyone = [await DescribeAsync(ana), await DescribeAsync(bob), cidSeen];
            var ids = everyone.ToDictionary(seen => seen.Name, seen => seen.SessionId);
            var messages = new StringBuilder();
            var texts = new StringBuilder();
            foreach (var seen in everyone)
            {
                messages.Append(CultureInfo.InvariantCulture, $"{seen.Name} over {seen.Transport} was sent:\n");
                messages.Append(string.Concat(seen.Messages.Select(m => $"  {m}\n")));
                texts.Append(CultureInfo.InvariantCulture, $"{seen.Name} shows:\n{seen.Text.TrimEnd()}\n\n");
            }

            Snapshot.Match(Normalise(messages.ToString(), ids), "Legacy.messages");
            Snapshot.Match(Normalise(texts.ToString(), ids), "Legacy.pages");
        }
        finally
        {
            script.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Without_the_2010_client_the_sample_says_how_to_fetch_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "typed-no-such-folder", "socket.io.js");
        await using var server = SampleProcess.Start("Legacy", "--urls", "http://127.0.0.1:0", "--Legacy:ClientScript=" + missing);
        var url = (await server.WaitForAsync(SampleProcess.Listening())).Groups["url"].Value;

        using var http = new HttpClient();
        using var response = await http.GetAsync(url + "/client/socket.io.js");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("sh Samples/Legacy/fetch-2010-client.sh", await response.Content.ReadAsStringAsync());

        var page = await chromium.OpenAsync(url + "/");
        Assert.Contains("The 2010 client is missing: run sh Samples/Legacy/fetch-2010-client.sh and reload.",
            await page.EvaluateExpressionAsync<string>("document.body.innerText"));
    }

    private static async Task<Seen> DescribeAsync(LegacyPage page) =>
        new(page.Name, await page.SessionIdAsync(), await page.TransportAsync(), await page.MessagesAsync(), await page.TextAsync());

    private static string Normalise(string text, Dictionary<string, string> ids) =>
        ids.Aggregate(text, (current, id) => current.Replace(id.Value, "{" + id.Key + "}", StringComparison.Ordinal));

    private sealed record Seen(string Name, string SessionId, string Transport, string[] Messages, string Text);
}
