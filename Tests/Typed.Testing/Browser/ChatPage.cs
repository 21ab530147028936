using PuppeteerSharp;

namespace Typed.Testing;

/// <summary>The chat sample's page, driven the way a person would: name, sign in, transport, join, type.</summary>
public sealed class ChatPage(IPage page)
{
    public IPage Page { get; } = page;

    /// <summary>Opens the page in a browser context of its own (its own cookies), signs in as <paramref name="name"/> and joins over <paramref name="transport"/>.</summary>
    public static async Task<ChatPage> JoinAsync(Chromium chromium, string url, string name, string transport)
    {
        var page = await SignInAsync(chromium, url, name);
        await page.JoinAsync(transport);
        return page;
    }

    /// <summary>Opens the page in a browser context of its own and signs in as <paramref name="name"/>, without joining.</summary>
    public static async Task<ChatPage> SignInAsync(Chromium chromium, string url, string name)
    {
        var page = new ChatPage(await chromium.OpenAsync(url));
        await page.WaitUntilAsync("() => !document.getElementById('signin').hidden");
        await page.Page.EvaluateFunctionAsync(
            "name => { document.getElementById('name').value = name; document.getElementById('signin').requestSubmit(); }", name);
        await page.WaitForSignedInAsync(name);
        return page;
    }

    /// <summary>Another tab of the same browser context (so the same cookie and user), at the same address, signed in as this one is.</summary>
    public async Task<ChatPage> OpenTabAsync()
    {
        var tab = await Page.BrowserContext.NewPageAsync();
        tab.DefaultTimeout = Page.DefaultTimeout;
        await tab.GoToAsync(Page.Url);
        var page = new ChatPage(tab);
        await page.WaitForSignedInAsync(await SignedInAsAsync());
        return page;
    }

    /// <summary>Picks a transport, joins, and waits until connected over it.</summary>
    public async Task JoinAsync(string transport)
    {
        await Page.EvaluateFunctionAsync(
            "transport => { document.getElementById('transport').value = transport; document.getElementById('join').click(); }", transport);
        await WaitUntilAsync("transport => document.getElementById('status').textContent === 'connected over ' + transport", transport);
    }

    /// <summary>Picks another transport and joins again, in the same tab, and waits until connected over it.</summary>
    public Task SwitchAsync(string transport) => JoinAsync(transport);

    /// <summary>The name the page says it is signed in as.</summary>
    public Task<string> SignedInAsAsync() => Page.EvaluateExpressionAsync<string>("document.getElementById('me').textContent");

    public Task<string> StatusAsync() => Page.EvaluateExpressionAsync<string>("document.getElementById('status').textContent");

    public Task SayAsync(string text) => Page.EvaluateFunctionAsync(
        "text => { document.getElementById('text').value = text; document.getElementById('say').requestSubmit(); }", text);

    /// <summary>Types the whisper command: <c>/w name text</c>.</summary>
    public Task WhisperAsync(string to, string text) => SayAsync($"/w {to} {text}");

    /// <summary>Waits until the chat log shows <paramref name="line"/>.</summary>
    public Task WaitForLineAsync(string line) => WaitUntilAsync(
        "line => Array.from(document.querySelectorAll('#log div')).some(d => d.textContent === line)", line);

    /// <summary>Waits until the chat log shows at least <paramref name="count"/> lines that are (or, with <paramref name="endingWith"/>, end with) <paramref name="text"/>.</summary>
    public Task WaitForLineCountAsync(string text, int count, bool endingWith = false) => WaitUntilAsync(
        "(text, count, endingWith) => Array.from(document.querySelectorAll('#log div')).filter(d => endingWith ? d.textContent.endsWith(text) : d.textContent === text).length >= count",
        text, count, endingWith);

    public Task<string[]> LinesAsync() => Page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('#log div')).map(d => d.textContent)");

    // Polled on a timer rather than on animation frames, which a tab in the background (the first,
    // once a second is opened) never gets.
    private Task WaitUntilAsync(string script, params object[] args) =>
        Page.WaitForFunctionAsync(script, new WaitForFunctionOptions { PollingInterval = 50 }, args);

    private Task WaitForSignedInAsync(string name) => WaitUntilAsync(
        "name => !document.getElementById('chat').hidden && document.getElementById('me').textContent === name", name);
}
