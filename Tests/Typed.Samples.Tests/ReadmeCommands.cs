using System.Text.RegularExpressions;

namespace Typed.Samples.Tests;

/// <summary>The <c>dotnet</c> commands a README gives, read from its text.</summary>
public static partial class ReadmeCommands
{
    /// <summary>A <c>dotnet run --project Samples/X -- ...</c> line: the sample and what follows <c>--</c>.</summary>
    public sealed record Run(string Project, string[] Arguments)
    {
        public string Sample => Path.GetFileName(Project);

        /// <summary>The port of <c>--urls</c> (a server) or <c>--url</c> (a client), if given.</summary>
        public int? Port(string option) =>
            Array.IndexOf(Arguments, option) is var at and >= 0 && at + 1 < Arguments.Length ? new Uri(Arguments[at + 1]).Port : null;
    }

    /// <summary>The root README and each sample's, as paths relative to the repository's root.</summary>
    public static IEnumerable<string> Files() =>
        ["README.md", .. Directory.GetDirectories(Path.Combine(SampleProcess.RepositoryRoot, "Samples"))
            .Select(sample => Path.Combine(sample, "README.md"))
            .Where(File.Exists)
            .Select(file => Path.GetRelativePath(SampleProcess.RepositoryRoot, file))
            .Order(StringComparer.Ordinal)];

    public static string Text(string file) => File.ReadAllText(Path.Combine(SampleProcess.RepositoryRoot, file));

    public static IReadOnlyList<Run> Runs(string text) =>
        [.. RunCommand().Matches(text).Select(match => new Run(
            match.Groups["project"].Value,
            match.Groups["arguments"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)))];

    /// <summary>Every project, solution or folder a <c>dotnet</c> command names.</summary>
    public static IEnumerable<string> Paths(string text) =>
        PathArgument().Matches(text).Select(match => match.Groups["path"].Value);

    // Arguments end where the inline code, the line or a trailing comment does.
    [GeneratedRegex(@"dotnet run (?:-c \w+ )?--project (?<project>[\w./-]+)(?: -- (?<arguments>[^`#\n]*))?")]
    private static partial Regex RunCommand();

    [GeneratedRegex(@"dotnet (?:run (?:-c \w+ )?--project|publish|pack|test|build) (?<path>[\w./-]+)")]
    private static partial Regex PathArgument();
}
