using System.Diagnostics;
using System.Globalization;
using Typed.LoadBenchmark.Servers;

namespace Typed.LoadBenchmark.Clients;

/// <summary>A <see cref="Crowd"/> of clients in its own process, driven from this one through its input and output.</summary>
internal sealed class CrowdProcess : IAsyncDisposable
{
    private static readonly TimeSpan Opening = TimeSpan.FromMinutes(5);
    private readonly Process _process;

    private CrowdProcess(Process process) => _process = process;

    /// <summary>Everything its members have heard, as of its last answer.</summary>
    public long Heard { get; private set; }

    /// <summary>What its members had yet to hear of what was sent to their rooms, as of its last answer.</summary>
    public long Missing { get; private set; }

    /// <summary>The CPU its clients have used so far.</summary>
    public TimeSpan CpuTime => ChildProcess.CpuTime(_process);

    /// <summary>The option that drives our server with the 2010 framing, without acknowledged delivery; a crowd is told it too.</summary>
    public const string PlainClient = "--plain-client";

    public static CrowdProcess Start(ServerKind kind, Uri server, int roomSize) =>
        new(ChildProcess.Start(
            typeof(CrowdProcess).Assembly.Location,
            ["crowd", kind.ToString(), server.ToString(), roomSize.ToString(CultureInfo.InvariantCulture), .. TypedConnection.AcknowledgedDelivery ? Array.Empty<string>() : [PlainClient]],
            input: true));

    /// <summary>Opens members until there are <paramref name="rooms"/> rooms; what the crowd says of itself then.</summary>
    public async Task<string> GrowAsync(int rooms)
    {
        var words = (await AskAsync($"grow {rooms}", "ready ", Opening)).Split(' ');
        return $"{words[1]} members, {words[2]} open files, {long.Parse(words[3], CultureInfo.InvariantCulture) / (1 << 20)} MiB";
    }

    /// <summary>Sends <paramref name="messages"/> back to back, one to each of the first <paramref name="rooms"/> rooms in turn, and waits until every member has heard them, or until <paramref name="patience"/> has passed.</summary>
    public async Task SendAsync(int messages, int rooms, TimeSpan patience)
    {
        var words = (await AskAsync(string.Create(CultureInfo.InvariantCulture, $"send {messages} {rooms} {(long)patience.TotalMilliseconds}"), "heard ", patience * 2)).Split(' ');
        Heard = long.Parse(words[1], CultureInfo.InvariantCulture);
        Missing = long.Parse(words[2], CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        // The end of its input tells it to close its connections and end.
        _process.StandardInput.Close();
        using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(closing.Token);
        }
        catch (OperationCanceledException)
        {
            // Killed below.
        }

        await ChildProcess.EndAsync(_process);
    }

    private async Task<string> AskAsync(string command, string answer, TimeSpan timeout)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        return await ChildProcess.ReadUntilAsync(_process, answer, timeout) ?? throw new InvalidOperationException($"The crowd ended before answering {command}.");
    }
}
