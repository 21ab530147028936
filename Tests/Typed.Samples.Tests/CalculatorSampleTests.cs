using System.Text;
using PuppeteerSharp;

namespace Typed.Samples.Tests;

/// <summary>
/// The Calculator sample, started as users start it, asked from its page in Chromium and from its
/// .NET console client: every answer, the remote errors included, against committed snapshots.
/// </summary>
public sealed class CalculatorSampleTests(CalculatorSample server, Chromium chromium) : IClassFixture<CalculatorSample>, IClassFixture<Chromium>
{
    [Theory]
    [InlineData(TransportNames.WebSocket)]
    [InlineData(TransportNames.XhrPolling)]
    public async Task The_console_client_prints_each_answer(string transport)
    {
        await using var client = SampleProcess.Start("Calculator.Client", "--url", server.Url, "--transport", transport);
        var output = await client.ReadToEndAsync(Wait.Long);

        Assert.Equal(0, client.ExitCode);
        Snapshot.Match(Transcripts.Normalise(output), $"Calculator.Client.{transport}");
    }

    [Theory]
    [InlineData(TransportNames.WebSocket)]
    [InlineData(TransportNames.XhrPolling)]
    public async Task The_page_shows_each_answer(string transport)
    {
        var page = await chromium.OpenAsync($"{server.Url}/?transport={transport}");
        await page.WaitForFunctionAsync("() => document.getElementById('status').textContent.startsWith('connected')");

        // One question at a time, each waiting for its answer, so the list's order is the script's.
        var answers = 0;
        async Task AskAsync(string button, params (string Input, string Value)[] inputs)
        {
            await page.EvaluateFunctionAsync(
                "(inputs, button) => { inputs.forEach(i => document.getElementById(i[0]).value = i[1]); document.getElementById(button).click(); }",
                inputs.Select(i => new[] { i.Input, i.Value }).ToArray(), button);
            answers++;
            await page.WaitForFunctionAsync("count => document.querySelectorAll('#answers li').length >= count", answers);
        }

        await AskAsync("add");
        await AskAsync("add", ("a", "0.1"), ("b", "0.2"));
        await AskAsync("divide", ("a", "1"), ("b", "3"));
        await AskAsync("divide", ("b", "0"));
        await AskAsync("summarize");
        await AskAsync("summarize", ("values", ""));
        await AskAsync("echo");
        await AskAsync("echo", ("text", "</script> & \"quoted\""));

        Snapshot.Match(await DescribeAsync(page), $"Calculator.Page.{transport}");
    }

    /// <summary>The answers as the page received them (failures marked), then the page's visible text.</summary>
    private static async Task<string> DescribeAsync(IPage page)
    {
        var answers = await page.EvaluateExpressionAsync<string[]>(
            "Array.from(document.querySelectorAll('#answers li')).map(li => (li.className === 'failed' ? 'rejected: ' : 'resolved: ') + li.textContent)");
        var text = await page.EvaluateExpressionAsync<string>("document.body.innerText");
        var description = new StringBuilder("answers:\n");
        description.Append(string.Concat(answers.Select(answer => $"  {answer}\n")));
        description.Append("page:\n").Append(text.TrimEnd()).Append('\n');
        return description.ToString();
    }
}
