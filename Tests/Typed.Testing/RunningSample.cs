using Xunit;

namespace Typed.Testing;

/// <summary>A sample server, started as users start it, on a free loopback port, for a test class.</summary>
public abstract class RunningSample(string name, params string[] arguments) : IAsyncLifetime
{
    private SampleProcess _process = null!;

    public string Url { get; private set; } = "";

    public SampleProcess Process => _process;

    public async Task InitializeAsync()
    {
        _process = SampleProcess.Start(name, ["--urls", "http://127.0.0.1:0", "--Sockets:FlashPolicyPort=0", .. arguments]);
        Url = (await _process.WaitForAsync(SampleProcess.Listening())).Groups["url"].Value;
    }

    public async Task DisposeAsync() => await _process.DisposeAsync();
}

/// <summary>
/// The chat sample, with sessions that wait ten minutes for a client that went silent: a session
/// ends within a test only because its client left.
/// </summary>
public sealed class ChatSample() : RunningSample("Chat", "--Sockets:Timeout=00:10:00");
