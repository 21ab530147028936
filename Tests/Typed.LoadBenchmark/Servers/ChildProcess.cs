using System.Diagnostics;
using System.Globalization;

namespace Typed.LoadBenchmark.Servers;

/// <summary>
/// This program started again in a process of its own (a server, or a crowd of clients), and what
/// the kernel says such a process costs: CPU time and resident memory, from <c>/proc</c>.
/// </summary>
internal static class ChildProcess
{
    private const double TicksPerSecond = 100; // sysconf(_SC_CLK_TCK) on Linux

    /// <summary>Starts the program at <paramref name="assembly"/> with the arguments, its output read by the caller (and its input written, if asked).</summary>
    public static Process Start(string assembly, IEnumerable<string> arguments, bool input = false)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardInput = input, UseShellExecute = false };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    /// <summary>Reads the process's output until a line that starts with <paramref name="prefix"/>; that line, or null if the output ended first.</summary>
    public static async Task<string?> ReadUntilAsync(Process process, string prefix, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }
        }

        return null;
    }

    /// <summary>User and system CPU time the process has used so far.</summary>
    public static TimeSpan CpuTime(Process process)
    {
        // /proc/PID/stat: the 14th and 15th fields, counted after the parenthesised name.
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>Resident memory, in bytes.</summary>
    public static long ResidentBytes(Process process)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Kills the process if it still runs, and waits for its end.</summary>
    public static async Task EndAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
