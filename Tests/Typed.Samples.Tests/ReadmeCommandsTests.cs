using System.Text.RegularExpressions;

namespace Typed.Samples.Tests;

/// <summary>
/// The commands the READMEs give work as written: every client is pointed at a port where the same
/// README runs its own sample's server, every project named exists, and the root README's Echo
/// server and client, run with those very arguments, echo.
/// </summary>
public sealed class ReadmeCommandsTests
{
    public static TheoryData<string> Readmes() => [.. ReadmeCommands.Files()];

    [Theory]
    [MemberData(nameof(Readmes))]
    public void Every_client_is_pointed_at_its_own_samples_server(string readme)
    {
        var runs = ReadmeCommands.Runs(ReadmeCommands.Text(readme));
        var servers = runs.Where(run => run.Port("--urls") is not null).ToList();
        var clients = runs.Where(run => run.Port("--url") is not null).ToList();

        var wrong = clients
            .Where(client => !servers.Any(server => server.Port("--urls") == client.Port("--url") && client.Sample == server.Sample + ".Client"))
            .Select(client => $"{client.Sample} at port {client.Port("--url")}, where this README runs {string.Join(", ", servers.Where(server => server.Port("--urls") == client.Port("--url")).Select(server => server.Sample).DefaultIfEmpty("nothing"))}");
        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(Readmes))]
    public void Every_project_a_command_names_exists(string readme)
    {
        var paths = ReadmeCommands.Paths(ReadmeCommands.Text(readme)).ToList();
        Assert.NotEmpty(paths);
        Assert.All(paths, path =>
        {
            var full = Path.Combine(SampleProcess.RepositoryRoot, path);
            Assert.True(File.Exists(full) || (Directory.Exists(full) && Directory.EnumerateFiles(full, "*.csproj").Any()), $"{readme} names {path}, which is no project.");
        });
    }

    [Fact]
    public async Task The_root_readmes_echo_client_command_gets_its_lines_back()
    {
        var runs = ReadmeCommands.Runs(ReadmeCommands.Text("README.md"));
        var client = Assert.Single(runs, run => run.Sample == "Echo.Client");
        var server = runs.First(run => run.Port("--urls") == client.Port("--url"));

        // The README's own arguments and port; only the Flash policy port (843 needs privileges) moves aside.
        await using var running = SampleProcess.Start(server.Sample, [.. server.Arguments, "--Sockets:FlashPolicyPort=0"]);
        await running.WaitForAsync(SampleProcess.Listening());
        await using var echo = SampleProcess.Start(client.Sample, client.Arguments);
        await echo.WaitForAsync(new Regex("^\\* connected over "));

        await echo.WriteLineAsync("hello");
        await echo.WaitForAsync(new Regex("^< hello$"));
        Assert.Equal(0, await echo.CloseInputAndWaitAsync());
    }
}
