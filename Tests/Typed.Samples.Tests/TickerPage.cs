using PuppeteerSharp;

namespace Typed.Samples.Tests;

/// <summary>The ticker sample's page, driven as a person would: pick a transport, connect, watch.</summary>
public sealed class TickerPage(IPage page)
{
    public IPage Page { get; } = page;

    /// <summary>Connects the page, then records every quote it is given, in order, as its console counterpart prints them.</summary>
    public static async Task<TickerPage> ConnectAsync(Chromium chromium, string url, string transport)
    {
        var page = new TickerPage(await chromium.OpenAsync(url));
        await page.Page.EvaluateFunctionAsync(
            "transport => { document.getElementById('transport').value = transport; document.getElementById('connect').click(); }", transport);
        await page.Page.WaitForFunctionAsync("() => document.getElementById('status').textContent.startsWith('connected')");
        await page.Page.EvaluateExpressionAsync(
            "window.seen = []; socket.on('Quote', q => window.seen.push(q.symbol + ' ' + q.price.toFixed(2) + ' #' + q.sequence)); true");
        return page;
    }

    /// <summary>Waits until the page shows <paramref name="count"/> quotes.</summary>
    public Task WaitForQuotesAsync(int count) => Page.WaitForFunctionAsync(
        "count => window.seen.length >= count && document.getElementById('count').textContent === count + ' quotes'", count);

    /// <summary>Waits until the page counts <paramref name="count"/> quotes, however they came (live or from <c>Recent</c>).</summary>
    public Task WaitForCountAsync(int count) => Page.WaitForFunctionAsync(
        "count => document.getElementById('count').textContent === count + ' quotes'", count);

    public Task<string[]> SeenAsync() => Page.EvaluateExpressionAsync<string[]>("window.seen");

    public Task<string> TextAsync() => Page.EvaluateExpressionAsync<string>("document.body.innerText");
}
