using PuppeteerSharp;
using Xunit;

namespace Typed.Testing;

/// <summary>One headless Debian Chromium for the tests of a class; each test opens its own pages.</summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing: .ci/run installs Debian's chromium package.");
        Browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = ExecutablePath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh page (in its own context, so that cookies of one test reach no other) at <paramref name="url"/>.</summary>
    public async Task<IPage> OpenAsync(string url)
    {
        var context = await Browser.CreateBrowserContextAsync();
        var page = await context.NewPageAsync();
        page.DefaultTimeout = (int)Wait.Long.TotalMilliseconds;
        await page.GoToAsync(url);
        return page;
    }

    public async Task DisposeAsync() => await Browser.CloseAsync();
}
