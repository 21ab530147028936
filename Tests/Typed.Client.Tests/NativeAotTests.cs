using Echo.Contracts;

namespace Typed.Client.Tests;

/// <summary>
/// No reflection anywhere on the way: the Echo sample, with its typed contract, is published with
/// Native AOT and serves typed events as a native binary.
/// </summary>
public sealed class NativeAotTests
{
    [Fact]
    public async Task The_echo_sample_published_with_native_aot_answers_typed_events_on_every_transport()
    {
        var output = Directory.CreateTempSubdirectory("typed-aot-");
        var app = Path.Combine(output.FullName, "app");
        try
        {
            // Its own artifacts folder, so that publishing touches nothing the other tests use.
            await using (var publish = SampleProcess.Run(
                "dotnet", "publish", Path.Combine(SampleProcess.RepositoryRoot, "Samples", "Echo", "Echo.csproj"),
                "-c", "Release", "-r", "linux-x64", "-p:NativeAot=true",
                "--artifacts-path", Path.Combine(output.FullName, "artifacts"), "-o", app))
            {
                var log = await publish.ReadToEndAsync(TimeSpan.FromMinutes(15));
                Assert.True(publish.ExitCode == 0, "publish failed:\n" + string.Join("\n", log));
                Assert.DoesNotContain(log, line => line.Contains("warning", StringComparison.OrdinalIgnoreCase));
            }

            // The binary stands alone: no managed symbols or XML documentation of its references beside it.
            var strays = Directory.EnumerateFiles(app, "*", SearchOption.AllDirectories).Where(file => Path.GetExtension(file) is ".pdb" or ".xml");
            Assert.Empty(strays.Select(Path.GetFileName));

            await using var server = SampleProcess.Run(Path.Combine(app, "Echo"), "--urls", "http://127.0.0.1:0", "--Sockets:FlashPolicyPort=0");
            var url = new Uri((await server.WaitForAsync(SampleProcess.Listening())).Groups["url"].Value);
            var policyPort = int.Parse((await server.WaitForAsync(SampleProcess.FlashPolicy())).Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);

            foreach (var transport in TransportNames.All)
            {
                var options = ClientProbe.Options(transport);
                options.FlashPolicyPort = policyPort;
                await using var client = new ClientProbe(url, options);
                await client.Socket.ConnectAsync().Within();

                Assert.Equal($"native {transport} ✓", await client.Socket.Events<IEchoServer>().Echo($"native {transport} ✓").Within());
                await client.Socket.SendAsync("plain too");
                Assert.Equal("plain too", (await client.ReceiveAsync()).Text);
            }
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
