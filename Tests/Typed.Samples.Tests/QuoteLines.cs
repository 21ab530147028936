using System.Text.RegularExpressions;

namespace Typed.Samples.Tests;

/// <summary>The quotes in a ticker client's output (<c>ACME 99.77 #1</c>), and their sequence numbers.</summary>
public static partial class QuoteLines
{
    public static List<string> Of(IEnumerable<string> lines) => [.. lines.Where(line => Quote().IsMatch(line))];

    public static List<long> Sequences(IEnumerable<string> lines) =>
        [.. lines.Select(line => Quote().Match(line)).Where(m => m.Success).Select(m => long.Parse(m.Groups["sequence"].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"^[A-Z]+ \d+\.\d\d #(?<sequence>\d+)$")]
    private static partial Regex Quote();
}
