using System.IO.Compression;
using System.Xml.Linq;

namespace Typed.Packages.Tests;

/// <summary>
/// The packages as <c>dotnet pack</c> makes them, in a temporary folder that serves as a NuGet
/// feed. Each run gets a version of its own, so that no package cached by an earlier run stands
/// in for these; the build has its own artifacts folder, so that it touches nothing the other
/// tests use.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    public static readonly string[] Projects = ["Typed.Abstractions", "Typed.Client", "Typed.Server", "Typed.MessagePack", "Typed.Redis"];

    private DirectoryInfo _root = null!;

    public string Folder { get; private set; } = "";

    public string Version { get; } = "0.1.0-test." + Guid.NewGuid().ToString("N")[..12];

    public string Root => _root.FullName;

    public async Task InitializeAsync()
    {
        _root = Directory.CreateTempSubdirectory("typed-packages-");
        Folder = Path.Combine(Root, "feed");
        foreach (var project in Projects)
        {
            var (exitCode, log) = await Dotnet.RunAsync(Root,
                "pack", Path.Combine(SampleProcess.RepositoryRoot, "Runtime", project, project + ".csproj"),
                "-c", "Release", "-o", Folder, "-p:Version=" + Version, "--artifacts-path", Path.Combine(Root, "artifacts"));
            Assert.True(exitCode == 0, $"packing {project} failed:\n" + string.Join("\n", log));
            Assert.DoesNotContain(log, line => line.Contains("warning", StringComparison.OrdinalIgnoreCase));
        }
    }

    public string PackagePath(string id, string extension = "nupkg") => Path.Combine(Folder, $"{id}.{Version}.{extension}");

    /// <summary>The paths of the files inside a package.</summary>
    public string[] Entries(string id, string extension = "nupkg")
    {
        using var zip = ZipFile.OpenRead(PackagePath(id, extension));
        return [.. zip.Entries.Select(entry => entry.FullName)];
    }

    /// <summary>The package's manifest, its XML namespace dropped for easy reading.</summary>
    public XElement Manifest(string id)
    {
        using var zip = ZipFile.OpenRead(PackagePath(id));
        using var stream = zip.GetEntry(id + ".nuspec")!.Open();
        var manifest = XElement.Load(stream);
        foreach (var element in manifest.DescendantsAndSelf())
        {
            element.Name = element.Name.LocalName;
        }

        return manifest;
    }

    public Task DisposeAsync()
    {
        _root.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
