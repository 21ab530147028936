using System.Runtime.CompilerServices;

namespace Typed.Generators.Tests;

/// <summary>
/// Snapshots in the Verify style: the expected text lives beside the test as
/// <c>Snapshots/{name}.verified.cs</c>; a mismatch writes <c>{name}.received.cs</c> next to it and
/// fails. Set <c>TYPED_ACCEPT_SNAPSHOTS=1</c> to accept what was received.
/// </summary>
public static class Snapshot
{
    public static void Match(string received, string name, [CallerFilePath] string testFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        var verifiedPath = Path.Combine(folder, name + ".verified.cs");
        var receivedPath = Path.Combine(folder, name + ".received.cs");
        received = received.Replace("\r\n", "\n");
        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n") : null;
        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable("TYPED_ACCEPT_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(verifiedPath, received);
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(receivedPath, received);
        Assert.Fail(verified is null
            ? $"No snapshot yet for {name}: review {receivedPath} and accept it (TYPED_ACCEPT_SNAPSHOTS=1)."
            : $"The generated source of {name} changed: compare {receivedPath} with {verifiedPath}.");
    }
}
