using PuppeteerSharp;

namespace Typed.Samples.Tests;

/// <summary>
/// The Legacy sample's page, unchanged, with every message its 2010 socket fires recorded in
/// <c>window.seen</c>, so a test can read what the page was sent as well as what it shows.
/// </summary>
public sealed class LegacyPage(string name, IPage page)
{
    // Runs before the page's scripts: the page's global `var socket = new io.Socket(...)` goes
    // through this setter, which listens before the page calls connect(), so nothing is missed.
    private const string Recorder = """
        window.seen = [];
        (function () {
          var socket;
          Object.defineProperty(window, 'socket', {
            configurable: true,
            get: function () { return socket; },
            set: function (value) { socket = value; value.addEvent('message', function (m) { window.seen.push(m); }); }
          });
        })();
        """;

    public string Name { get; } = name;

    public IPage Page { get; } = page;

    public static async Task<LegacyPage> OpenAsync(Chromium chromium, string name, string url)
    {
        var page = await chromium.OpenAsync("about:blank");
        await page.EvaluateExpressionOnNewDocumentAsync(Recorder);
        await page.GoToAsync(url);
        return new LegacyPage(name, page);
    }

    /// <summary>Waits until the socket has fired <paramref name="count"/> messages.</summary>
    public Task WaitForMessagesAsync(int count) =>
        Page.WaitForFunctionAsync("count => window.seen.length >= count", count);

    public Task<string[]> MessagesAsync() => Page.EvaluateExpressionAsync<string[]>("window.seen");

    public Task<string> SessionIdAsync() => Page.EvaluateExpressionAsync<string>("socket.transport.sessionid");

    public Task<string> TransportAsync() => Page.EvaluateExpressionAsync<string>("socket.transport.type");

    public Task<string> TextAsync() => Page.EvaluateExpressionAsync<string>("document.body.innerText");

    /// <summary>Types into the page's form and submits it, as a person would.</summary>
    public Task SayAsync(string text) => Page.EvaluateFunctionAsync(
        "text => { document.getElementById('text').value = text; document.getElementById('form').requestSubmit(); }", text);
}
