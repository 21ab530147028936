using System.Text.RegularExpressions;

namespace Typed.Samples.Tests;

/// <summary>What a client saw, made comparable between runs: session ids normalised.</summary>
public static partial class Transcripts
{
    public static string Normalise(IEnumerable<string> lines) =>
        string.Concat(lines.Select(line => SessionId().Replace(line, "as {session}") + "\n"));

    [GeneratedRegex(@"as [0-9A-Za-z_-]{8,}")]
    private static partial Regex SessionId();
}
