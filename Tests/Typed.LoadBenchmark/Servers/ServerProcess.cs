using System.Diagnostics;

namespace Typed.LoadBenchmark.Servers;

/// <summary>
/// A server of one kind in its own process (this program, started with <c>server KIND</c>), and
/// what the kernel says it costs: CPU time and resident memory, from <c>/proc</c>.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly double TicksPerSecond = 100; // sysconf(_SC_CLK_TCK) on Linux
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
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        var baseline = kind == ServerKind.Baseline;
        start.ArgumentList.Add(baseline ? BaselineAssembly ?? throw new InvalidOperationException("A baseline needs --baseline DIR.") : typeof(ServerProcess).Assembly.Location);
        start.ArgumentList.Add("server");
        start.ArgumentList.Add((baseline ? ServerKind.Typed : kind).ToString());
        foreach (var argument in liveness?.Arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        if (redis is not null)
        {
            start.ArgumentList.Add(redis);
            start.ArgumentList.Add(cluster);
        }

        var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("listening on ", StringComparison.Ordinal))
            {
                return new ServerProcess(process, new Uri(line["listening on ".Length..]));
            }
        }

        throw new InvalidOperationException($"The {kind} server ended before listening.");
    }

    /// <summary>User and system CPU time the server has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            // /proc/PID/stat: the 14th and 15th fields, counted after the parenthesised name.
            var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
    }

    /// <summary>Resident memory, in bytes.</summary>
    public long ResidentBytes
    {
        get
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
