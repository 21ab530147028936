using System.Text.RegularExpressions;

namespace Typed.Browser.Tests;

/// <summary>The chat sample, started as users start it, on a free loopback port.</summary>
public sealed class ChatSample : IAsyncLifetime
{
    private SampleProcess _process = null!;

    public string Url { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _process = SampleProcess.Start("Chat", "--urls", "http://127.0.0.1:0", "--Sockets:FlashPolicyPort=0");
        Url = (await _process.WaitForAsync(SampleProcess.Listening())).Groups["url"].Value;
    }

    public async Task DisposeAsync() => await _process.DisposeAsync();
}
