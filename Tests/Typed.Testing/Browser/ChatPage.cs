using PuppeteerSharp;

namespace Typed.Testing;

/// <summary>The chat sample's page, driven the way a person would: name, sign in, transport, join, rooms, type.</summary>
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

    /// <summary>Types a line and sends it: said in the room shown, unless it is a command.</summary>
    public Task SayAsync(string text) => Page.EvaluateFunctionAsync(
        "text => { document.getElementById('text').value = text; document.getElementById('say').requestSubmit(); }", text);

    /// <summary>Types the whisper command: <c>/w name text</c>.</summary>
    public Task WhisperAsync(string to, string text) => SayAsync($"/w {to} {text}");

    /// <summary>Enters a room by the box for its name, and waits until the page shows it.</summary>
    public async Task EnterAsync(string room)
    {
        await Page.EvaluateFunctionAsync(
            "room => { document.getElementById('room').value = room; document.getElementById('enter').requestSubmit(); }", room);
        await WaitForCurrentRoomAsync(room);
    }

    /// <summary>Shows a room the page is in, by its tab: lines typed go to it.</summary>
    public async Task ShowAsync(string room)
    {
        await Page.EvaluateFunctionAsync(
            "room => Array.from(document.querySelectorAll('#rooms button')).find(b => b.textContent === '#' + room).click()", room);
        await WaitForCurrentRoomAsync(room);
    }

    /// <summary>Leaves the room shown, by its button, and waits until its tab is gone.</summary>
    public async Task LeaveRoomAsync()
    {
        var room = await CurrentRoomAsync();
        await Page.EvaluateExpressionAsync("document.getElementById('leave').click()");
        await WaitUntilAsync("room => !Array.from(document.querySelectorAll('#rooms button')).some(b => b.textContent === '#' + room)", room);
    }

    /// <summary>The tabs of the rooms the page is in, as it shows them (<c>#lobby</c>, ...).</summary>
    public Task<string[]> RoomsAsync() => Page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('#rooms button')).map(b => b.textContent)");

    /// <summary>The room shown, without its <c>#</c>.</summary>
    public Task<string> CurrentRoomAsync() => Page.EvaluateExpressionAsync<string>("document.querySelector('#rooms .current').textContent.slice(1)");

    /// <summary>Waits until the member list of the room shown is <paramref name="users"/>.</summary>
    public Task WaitForMembersAsync(params string[] users) => WaitUntilAsync(
        "users => Array.from(document.querySelectorAll('#members li')).map(li => li.textContent).join('\\n') === users.join('\\n')", [users]);

    /// <summary>Waits until the log of <paramref name="room"/> shows <paramref name="line"/>.</summary>
    public Task WaitForLineAsync(string line, string room = "lobby") => WaitUntilAsync(
        "(line, room) => " + LinesOf + ".some(d => d.textContent === line)", line, room);

    /// <summary>Waits until the log of <paramref name="room"/> shows at least <paramref name="count"/> lines that are (or, with <paramref name="endingWith"/>, end with) <paramref name="text"/>.</summary>
    public Task WaitForLineCountAsync(string text, int count, bool endingWith = false, string room = "lobby") => WaitUntilAsync(
        "(text, count, endingWith, room) => " + LinesOf + ".filter(d => endingWith ? d.textContent.endsWith(text) : d.textContent === text).length >= count",
        text, count, endingWith, room);

    /// <summary>The lines of the log of <paramref name="room"/>, shown or not.</summary>
    public Task<string[]> LinesAsync(string room = "lobby") => Page.EvaluateFunctionAsync<string[]>("room => " + LinesOf + ".map(d => d.textContent)", room);

    // The lines of the log of the room named by the script's "room".
    private const string LinesOf = "Array.from(document.querySelectorAll('#logs .log')).filter(l => l.dataset.room === room).flatMap(l => Array.from(l.children))";

    private Task WaitForCurrentRoomAsync(string room) => WaitUntilAsync(
        "room => document.querySelector('#rooms .current')?.textContent === '#' + room", room);

    // Polled on a timer rather than on animation frames, which a tab in the background (the first,
    // once a second is opened) never gets.
    private Task WaitUntilAsync(string script, params object[] args) =>
        Page.WaitForFunctionAsync(script, new WaitForFunctionOptions { PollingInterval = 50 }, args);

    private Task WaitForSignedInAsync(string name) => WaitUntilAsync(
        "name => !document.getElementById('chat').hidden && document.getElementById('me').textContent === name", name);
}
