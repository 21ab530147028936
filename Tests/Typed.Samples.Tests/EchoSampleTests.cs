using System.Text.RegularExpressions;

namespace Typed.Samples.Tests;

/// <summary>
/// The Echo sample and its console client, started as users start them: what the client prints
/// for a short script, on every transport, against a committed snapshot.
/// </summary>
public sealed class EchoSampleTests
{
    private static readonly string[] Script = ["hello", "snowman ☃", "</script>", "emoji 🎉", "\"quoted\" and \\slashed\\"];

    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task The_console_client_sees_each_line_come_back_exactly(string transport)
    {
        var transcript = await RunScriptAsync(transport, typed: false, line => $"< {line}");

        Snapshot.Match(transcript, $"Echo.{transport}");
    }

    [Theory]
    [InlineData(TransportNames.WebSocket)]
    [InlineData(TransportNames.XhrPolling)]
    public async Task The_typed_echo_event_answers_each_line(string transport)
    {
        var transcript = await RunScriptAsync(transport, typed: true, line => $"= {line}");

        Snapshot.Match(transcript, $"Echo.Typed.{transport}");
    }

    private static async Task<string> RunScriptAsync(string transport, bool typed, Func<string, string> answerOf)
    {
        await using var server = SampleProcess.Start("Echo", "--urls", "http://127.0.0.1:0", "--Sockets:FlashPolicyPort=0");
        var url = (await server.WaitForAsync(SampleProcess.Listening())).Groups["url"].Value;
        var policyPort = (await server.WaitForAsync(SampleProcess.FlashPolicy())).Groups["port"].Value;

        string[] arguments = ["--url", url, "--transport", transport, "--flash-policy-port", policyPort, .. typed ? ["--typed"] : Array.Empty<string>()];
        await using var client = SampleProcess.Start("Echo.Client", arguments);
        await client.WaitForAsync(new Regex($"^\\* connected over {Regex.Escape(transport)} as "));
        foreach (var line in Script)
        {
            // One at a time, so that the transcript's order is the script's.
            await client.WriteLineAsync(line);
            await client.WaitForAsync(new Regex("^" + Regex.Escape(answerOf(line)) + "$"));
        }

        Assert.Equal(0, await client.CloseInputAndWaitAsync());
        return Transcripts.Normalise(client.Transcript);
    }
}
