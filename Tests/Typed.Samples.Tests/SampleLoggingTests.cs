using System.Text.Json;
using System.Text.RegularExpressions;

namespace Typed.Samples.Tests;

/// <summary>
/// The samples log as a production app does by default: their own lines and the framework's
/// warnings, not a line per request.
/// </summary>
public sealed class SampleLoggingTests
{
    private static readonly string[] PerRequestLines = ["Request starting", "Request finished", "Executing endpoint", "Executed endpoint", "Sending file"];

    [Fact]
    public async Task The_chat_sample_logs_its_startup_and_clients_but_not_each_request()
    {
        // A short session timeout, so that the client's leaving is logged soon.
        await using var chat = SampleProcess.Start("Chat", "--urls", "http://127.0.0.1:0", "--Sockets:FlashPolicyPort=0", "--Sockets:Timeout=00:00:02");
        var url = (await chat.WaitForAsync(SampleProcess.Listening())).Groups["url"].Value;

        using (var http = new HttpClient())
        {
            (await http.GetAsync(new Uri(url + "/")).Within()).EnsureSuccessStatusCode();
        }

        await using (var bob = SampleProcess.Start("Chat.Client", "--url", url, "--name", "bob", "--transport", "websocket"))
        {
            await bob.WaitForAsync(new Regex("^\\* #lobby: 1 here$"));
            await bob.WriteLineAsync("hello");
            Assert.Equal(0, await bob.CloseInputAndWaitAsync());
        }

        // Logged after the client's requests, so those would have been written by now.
        await chat.WaitForAsync(new Regex("Client \\S+ disconnected"));
        var log = chat.Transcript;
        Assert.Contains(log, line => line.Contains("Now listening on:", StringComparison.Ordinal));
        Assert.DoesNotContain(log, line => PerRequestLines.Any(text => line.Contains(text, StringComparison.Ordinal)));
    }

    public static TheoryData<string> Servers() =>
        [.. Directory.GetDirectories(Path.Combine(SampleProcess.RepositoryRoot, "Samples"))
            .SelectMany(sample => Directory.GetFiles(sample, "*.csproj"))
            .Where(project => File.ReadAllText(project).Contains("Sdk=\"Microsoft.NET.Sdk.Web\"", StringComparison.Ordinal))
            .Select(project => Path.GetFileNameWithoutExtension(project))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Servers))]
    public void Every_sample_server_keeps_the_frameworks_information_lines_out(string sample)
    {
        var settings = Path.Combine(SampleProcess.RepositoryRoot, "Samples", sample, "appsettings.json");
        Assert.True(File.Exists(settings), $"{sample} has no appsettings.json.");
        using var json = JsonDocument.Parse(File.ReadAllText(settings));
        var levels = json.RootElement.GetProperty("Logging").GetProperty("LogLevel");
        Assert.Equal("Information", levels.GetProperty("Default").GetString());
        Assert.Equal("Warning", levels.GetProperty("Microsoft.AspNetCore").GetString());
    }
}
