namespace Typed.Packages.Tests;

/// <summary>The <c>dotnet</c> command, as a user types it, in a folder of the test's.</summary>
public static class Dotnet
{
    public static async Task<(int? ExitCode, List<string> Output)> RunAsync(string folder, params string[] arguments)
    {
        await using var process = SampleProcess.RunIn(folder, "dotnet", arguments);
        var output = await process.ReadToEndAsync(TimeSpan.FromMinutes(10));
        return (process.ExitCode, output);
    }
}
