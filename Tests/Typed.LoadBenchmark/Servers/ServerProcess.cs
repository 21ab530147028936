using System.Diagnostics;

namespace Typed.LoadBenchmark.Servers;

/// <summary>
/// A server of one kind in its own process (this program, started with <c>server KIND</c>), and
/// what the kernel says it costs: CPU time and resident memory, from <c>/proc</c>.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>This program as another build has it, which <see cref="ServerKind.Baseline"/> runs.</summary>
    public static string? BaselineAssembly { get; set; }

    /// <param name="kind">Which server.</param>
    /// <param name="redis">For ours: the Redis server to join other nodes through, if any.</param>
    /// <param name="cluster">The prefix of that cluster's keys and channels.</param>
    /// <param name="liveness">For ours: heartbeat and timeouts other than the defaults.</param>
    public static async Task<ServerProcess> StartAsync(ServerKind kind, string? redis = null, string cluster = "typed:", Liveness? liveness = null)
    {
        var baseline = kind == ServerKind.Baseline;
        List<string> arguments = ["server", (baseline ? ServerKind.Typed : kind).ToString(), .. liveness?.Arguments ?? []];
        if (redis is not null)
        {
            arguments.AddRange([redis, cluster]);
        }

        var process = ChildProcess.Start(baseline ? BaselineAssembly ?? throw new InvalidOperationException("A baseline needs --baseline DIR.") : typeof(ServerProcess).Assembly.Location, arguments);
        return await ChildProcess.ReadUntilAsync(process, "listening on ", TimeSpan.FromSeconds(60)) is { } line
            ? new ServerProcess(process, new Uri(line["listening on ".Length..]))
            : throw new InvalidOperationException($"The {kind} server ended before listening.");
    }

    /// <summary>User and system CPU time the server has used so far.</summary>
    public TimeSpan CpuTime => ChildProcess.CpuTime(_process);

    /// <summary>Resident memory, in bytes.</summary>
    public long ResidentBytes => ChildProcess.ResidentBytes(_process);

    public ValueTask DisposeAsync() => new(ChildProcess.EndAsync(_process));
}
