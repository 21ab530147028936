using PuppeteerSharp;

namespace Typed.Testing;

/// <summary>The chat sample's page, driven the way a person would: name, transport, join, type.</summary>
public sealed class ChatPage(IPage page)
{
    public IPage Page { get; } = page;

    public static async Task<ChatPage> JoinAsync(Chromium chromium, string url, string name, string transport)
    {
        var page = new ChatPage(await chromium.OpenAsync(url));
        await page.Page.EvaluateFunctionAsync(
            "(name, transport) => { document.getElementById('name').value = name; document.getElementById('transport').value = transport; document.getElementById('join').click(); }",
            name, transport);
        await page.Page.WaitForFunctionAsync("() => document.getElementById('status').textContent.startsWith('connected')");
        return page;
    }

    /// <summary>Picks another transport and joins again, in the same tab, and waits until connected over it.</summary>
    public async Task SwitchAsync(string transport)
    {
        await Page.EvaluateFunctionAsync(
            "transport => { document.getElementById('transport').value = transport; document.getElementById('join').click(); }", transport);
        await Page.WaitForFunctionAsync("transport => document.getElementById('status').textContent === 'connected over ' + transport", transport);
    }

    public Task<string> StatusAsync() => Page.EvaluateExpressionAsync<string>("document.getElementById('status').textContent");

    public Task SayAsync(string text) => Page.EvaluateFunctionAsync(
        "text => { document.getElementById('text').value = text; document.getElementById('say').requestSubmit(); }", text);

    /// <summary>Waits until the chat log shows <paramref name="line"/>.</summary>
    public Task WaitForLineAsync(string line) => Page.WaitForFunctionAsync(
        "line => Array.from(document.querySelectorAll('#log div')).some(d => d.textContent === line)", line);

    /// <summary>Waits until the chat log shows at least <paramref name="count"/> lines that are (or, with <paramref name="endingWith"/>, end with) <paramref name="text"/>.</summary>
    public Task WaitForLineCountAsync(string text, int count, bool endingWith = false) => Page.WaitForFunctionAsync(
        "(text, count, endingWith) => Array.from(document.querySelectorAll('#log div')).filter(d => endingWith ? d.textContent.endsWith(text) : d.textContent === text).length >= count",
        text, count, endingWith);

    public Task<string[]> LinesAsync() => Page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('#log div')).map(d => d.textContent)");
}
