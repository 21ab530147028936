using System.Runtime.InteropServices;

namespace Typed.LoadBenchmark.Servers;

/// <summary>
/// The limit on open files, raised where the system lets us: the scaling table holds 5,000
/// connections per contestant at once, several contestants' worth in this process, and every
/// server process started after inherits the limit.
/// </summary>
internal static partial class OpenFileLimit
{
    private const int NoFile = 7; // RLIMIT_NOFILE on Linux

    /// <summary>Raises the limit to at least <paramref name="wanted"/> if it can; the limit then.</summary>
    public static ulong Raise(ulong wanted)
    {
        if (!OperatingSystem.IsLinux() || GetLimit(NoFile, out var limit) != 0)
        {
            return 0;
        }

        if (limit.Current < wanted)
        {
            var raised = new Limit { Current = wanted, Maximum = Math.Max(wanted, limit.Maximum) };
            if (SetLimit(NoFile, in raised) != 0)
            {
                // Not allowed past the hard limit: as far as that, then.
                raised = limit with { Current = limit.Maximum };
                _ = SetLimit(NoFile, in raised);
            }
        }

        return GetLimit(NoFile, out limit) == 0 ? limit.Current : 0;
    }

    [LibraryImport("libc", EntryPoint = "getrlimit")]
    private static partial int GetLimit(int resource, out Limit limit);

    [LibraryImport("libc", EntryPoint = "setrlimit")]
    private static partial int SetLimit(int resource, in Limit limit);

    [StructLayout(LayoutKind.Sequential)]
    private record struct Limit(ulong Current, ulong Maximum);
}
