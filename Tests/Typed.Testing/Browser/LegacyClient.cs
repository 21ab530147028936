using System.Formats.Tar;
using System.IO.Compression;
using Xunit;

namespace Typed.Testing;

/// <summary>
/// The original 2010 browser client, fetched from npm at test time (<c>npm pack socket.io@0.4.1</c>)
/// and never committed: its built file is <c>test/client/socket.io.js</c> inside the package.
/// </summary>
public sealed class LegacyClient : IAsyncLifetime
{
    public string Script { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var folder = Directory.CreateTempSubdirectory("socket.io-0.4.1-");
        try
        {
            await using (var npm = SampleProcess.Run("npm", "pack", "socket.io@0.4.1", "--pack-destination", folder.FullName, "--silent"))
            {
                var output = await npm.ReadToEndAsync(TimeSpan.FromMinutes(5));
                Assert.True(npm.ExitCode == 0, "npm pack failed:\n" + string.Join("\n", output));
            }

            var package = Directory.GetFiles(folder.FullName, "*.tgz").Single();
            await using var archive = new TarReader(new GZipStream(File.OpenRead(package), CompressionMode.Decompress));
            while (await archive.GetNextEntryAsync() is { } entry)
            {
                if (entry.Name.EndsWith("test/client/socket.io.js", StringComparison.Ordinal) && entry.DataStream is { } data)
                {
                    Script = await new StreamReader(data).ReadToEndAsync();
                    return;
                }
            }

            Assert.Fail("The package holds no test/client/socket.io.js.");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
