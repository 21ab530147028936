using System.Text.RegularExpressions;

namespace Typed.Samples.Tests;

/// <summary>
/// The Ticker sample with a client that stops reading: the server drops it once its queue passes
/// MaxQueuedBytes and says so, while a client that reads gets every quote, in order, throughout.
/// </summary>
public sealed class TickerSlowClientTests
{
    private const int Limit = 32 * 1024;
    private const int ReadBeforeStalling = 10;

    [Fact]
    public async Task A_client_that_stops_reading_is_dropped_while_the_other_keeps_every_quote()
    {
        // About 4 KB of quotes a second: the limit is some seconds of them, so that a reader on a
        // loaded machine keeps up, and the session timeout is long, so that only the limit can end
        // the stalled session. The last --Ticker:Interval given wins.
        await using var server = SampleProcess.Start("Ticker",
            [.. TickerArguments.Seeded, "--Ticker:Interval=00:00:00.050", "--Ticker:Audience=2", $"--Ticker:MaxQueuedBytes={Limit}", "--Sockets:Timeout=00:02:00"]);
        var url = (await server.WaitForAsync(SampleProcess.Listening())).Groups["url"].Value;

        await using var reader = SampleProcess.Start("Ticker.Client", "--url", url, "--transport", TransportNames.WebSocket);
        var readerId = (await reader.WaitForAsync(Connected())).Groups["id"].Value;
        await using var slow = SampleProcess.Start("Ticker.Client", "--url", url, "--slow", $"{ReadBeforeStalling}");
        var slowId = (await slow.WaitForAsync(Connected())).Groups["id"].Value;
        await slow.WaitForAsync(new Regex($"^\\* stopped reading after {ReadBeforeStalling} quotes"));

        var dropped = await server.WaitForAsync(new Regex(@"disconnected slow client (?<id>\S+): queue over (?<limit>\d+) bytes"));
        Assert.Equal(slowId, dropped.Groups["id"].Value);
        Assert.Equal($"{Limit}", dropped.Groups["limit"].Value);

        // The reader goes on at its pace after the drop, and has missed nothing before or since.
        var atDrop = QuoteLines.Sequences(reader.Transcript).Count;
        await Wait.UntilAsync(() => QuoteLines.Sequences(reader.Transcript).Count >= atDrop + 60, "the reader gets 60 more quotes after the drop");
        var sequences = QuoteLines.Sequences(reader.Transcript);
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(n => (long)n), sequences);
        Assert.DoesNotContain(server.Transcript, line => line.Contains(readerId, StringComparison.Ordinal) && line.Contains("slow", StringComparison.Ordinal));

        // The slow client saw the same first quotes as everyone, then stopped.
        Snapshot.Match(Transcripts.Normalise(slow.Transcript), "Ticker.Client.slow");
        Assert.Equal(QuoteLines.Of(slow.Transcript), QuoteLines.Of(reader.Transcript).Take(ReadBeforeStalling));
    }

    private static Regex Connected() => new(@"^\* connected over \S+ as (?<id>\S+)$");
}
