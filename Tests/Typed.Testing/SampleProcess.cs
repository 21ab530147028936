using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace Typed.Testing;

/// <summary>A sample run as users run it: its own process, its output read line by line.</summary>
public sealed partial class SampleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _transcript = [];

    private SampleProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.Writer.TryComplete();
            }
            else
            {
                lock (_transcript)
                {
                    _transcript.Add(e.Data);
                }

                _lines.Writer.TryWrite(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Starts the built sample <paramref name="name"/> with <c>dotnet</c>.</summary>
    /// <remarks>It runs in its project folder, as <c>dotnet run</c> would, so that it finds its <c>wwwroot</c>.</remarks>
    public static SampleProcess Start(string name, params string[] arguments) =>
        Run("dotnet", [SampleAssembly(name), .. arguments], Path.Combine(RepositoryRoot, "Samples", name));

    /// <summary>Starts a program, reading its output line by line.</summary>
    public static SampleProcess Run(string program, params string[] arguments) => Run(program, arguments, null);

    /// <summary>Starts a program in <paramref name="folder"/>, reading its output line by line.</summary>
    public static SampleProcess RunIn(string folder, string program, params string[] arguments) => Run(program, arguments, folder);

    private static SampleProcess Run(string program, string[] arguments, string? workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        return new SampleProcess(Process.Start(start)!);
    }

    /// <summary>Reads output until a line matches; returns the match.</summary>
    public async Task<Match> WaitForAsync(Regex pattern)
    {
        using var timeout = new CancellationTokenSource(Wait.Long);
        await foreach (var line in _lines.Reader.ReadAllAsync(timeout.Token))
        {
            if (pattern.Match(line) is { Success: true } match)
            {
                return match;
            }
        }

        throw new InvalidOperationException($"The process ended without printing a line like {pattern}.");
    }

    /// <summary>Every line the process has printed so far, whoever has read it.</summary>
    public IReadOnlyList<string> Transcript
    {
        get
        {
            lock (_transcript)
            {
                return [.. _transcript];
            }
        }
    }

    public Task WriteLineAsync(string line) => _process.StandardInput.WriteLineAsync(line);

    /// <summary>Ends standard input and waits for the process to leave by itself.</summary>
    public async Task<int> CloseInputAndWaitAsync()
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync().Within();
        return _process.ExitCode;
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

    [GeneratedRegex("Now listening on: (?<url>http://\\S+)")]
    public static partial Regex Listening();

    /// <summary>Logged once the app listens, after its "Now listening on" lines: the policy listener follows its addresses.</summary>
    [GeneratedRegex("Flash socket policy listener on .*:(?<port>\\d+)\\.")]
    public static partial Regex FlashPolicy();

    /// <summary>The repository's root folder, found from where the tests run.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(root.FullName, "Typed.sln")))
            {
                root = root.Parent ?? throw new DirectoryNotFoundException("The repository root was not found.");
            }

            return root.FullName;
        }
    }

    /// <summary>Reads the process's output to its end (for one that finishes by itself).</summary>
    public async Task<List<string>> ReadToEndAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        var lines = new List<string>();
        await foreach (var line in _lines.Reader.ReadAllAsync(timeout.Token))
        {
            lines.Add(line);
        }

        await _process.WaitForExitAsync(timeout.Token);
        ExitCode = _process.ExitCode;
        return lines;
    }

    public int? ExitCode { get; private set; }

    /// <summary>The sample's built assembly, from the same configuration as the tests.</summary>
    private static string SampleAssembly(string name) => BuiltAssembly("Samples", name);

    /// <summary>A program of the repository's <paramref name="folder"/>, built in the same configuration as the tests.</summary>
    public static string BuiltAssembly(string folder, string name)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        return Path.Combine(RepositoryRoot, folder, name, "bin", configuration, framework, name + ".dll");
    }
}
