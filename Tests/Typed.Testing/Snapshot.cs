using System.Runtime.CompilerServices;

namespace Typed.Testing;

/// <summary>
/// Snapshots in the Verify style: the expected text lives beside the test as
/// <c>Snapshots/{name}.verified.{extension}</c>; a mismatch writes <c>{name}.received.{extension}</c>
/// next to it and fails. Set <c>TYPED_ACCEPT_SNAPSHOTS=1</c> to accept what was received.
/// </summary>
public static class Snapshot
{
    public const string AcceptVariable = "TYPED_ACCEPT_SNAPSHOTS";

    public static void Match(string received, string name, string extension = "txt", [CallerFilePath] string testFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        var verifiedPath = Path.Combine(folder, $"{name}.verified.{extension}");
        var receivedPath = Path.Combine(folder, $"{name}.received.{extension}");
        received = received.Replace("\r\n", "\n");
        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n") : null;
        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(folder);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verifiedPath, received);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        throw new SnapshotMismatchException(verified is null
            ? $"No snapshot yet for {name}: review {receivedPath} and accept it ({AcceptVariable}=1)."
            : $"{name} changed: compare {receivedPath} with {verifiedPath}.");
    }
}

/// <summary>What was received differs from the committed snapshot.</summary>
public sealed class SnapshotMismatchException(string message) : Exception(message);
