namespace Typed.Packages.Tests;

/// <summary>The packages as users get them: what is inside, and an application built from them alone.</summary>
public sealed class PackageTests(PackedFeed feed) : IClassFixture<PackedFeed>
{
    [Fact]
    public void The_typed_package_holds_the_abstractions_their_docs_the_generator_and_the_analyzers_and_no_client()
    {
        var entries = feed.Entries("Typed");

        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            Assert.Contains($"lib/{framework}/Typed.Abstractions.dll", entries);
            Assert.Contains($"lib/{framework}/Typed.Abstractions.xml", entries);
        }

        Assert.DoesNotContain(entries, entry => entry.Contains("Typed.Client", StringComparison.Ordinal));
        Assert.Contains("analyzers/dotnet/cs/Typed.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Typed.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Typed.Analyzers.CodeFixes.dll", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("lib/net8.0/Typed.Abstractions.pdb", feed.Entries("Typed", "snupkg"));
    }

    [Fact]
    public void The_client_package_holds_the_client_and_its_docs()
    {
        var entries = feed.Entries("Typed.Client");

        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            Assert.Contains($"lib/{framework}/Typed.Client.dll", entries);
            Assert.Contains($"lib/{framework}/Typed.Client.xml", entries);
            Assert.DoesNotContain($"lib/{framework}/Typed.Abstractions.dll", entries);
        }

        Assert.Contains("lib/net8.0/Typed.Client.pdb", feed.Entries("Typed.Client", "snupkg"));
    }

    [Theory]
    [InlineData("Typed.Server")]
    [InlineData("Typed.MessagePack")]
    [InlineData("Typed.Redis")]
    public void No_server_side_package_brings_the_client(string id)
    {
        Assert.DoesNotContain(feed.Manifest(id).Descendants("dependency"), d => d.Attribute("id")!.Value == "Typed.Client");
        Assert.DoesNotContain(feed.Entries(id), entry => entry.Contains("Typed.Client", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Typed")]
    [InlineData("Typed.Client")]
    [InlineData("Typed.Server")]
    [InlineData("Typed.MessagePack")]
    [InlineData("Typed.Redis")]
    public void Every_package_describes_itself_with_one_version(string id)
    {
        var metadata = feed.Manifest(id).Element("metadata")!;

        Assert.Equal(feed.Version, metadata.Element("version")!.Value);
        Assert.Equal("MIT", metadata.Element("license")!.Value);
        Assert.Equal("README.md", metadata.Element("readme")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element("description")!.Value));
        Assert.Contains("socket.io", metadata.Element("tags")!.Value, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{40}$", metadata.Element("repository")!.Attribute("commit")!.Value);
        Assert.True(File.Exists(feed.PackagePath(id, "snupkg")), "a symbol package beside it");
        Assert.Contains(feed.Entries(id), entry => entry.EndsWith(".xml", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Typed.Client")]
    [InlineData("Typed.Server")]
    [InlineData("Typed.MessagePack")]
    public void The_other_packages_bring_the_typed_package_with_its_generator(string id)
    {
        var dependencies = feed.Manifest(id).Descendants("dependency").Where(d => d.Attribute("id")!.Value == "Typed").ToList();

        Assert.Equal(2, dependencies.Count); // net8.0 and net10.0
        Assert.All(dependencies, d => Assert.Equal(feed.Version, d.Attribute("version")!.Value));
        Assert.All(dependencies, d => Assert.DoesNotContain("Analyzers", d.Attribute("exclude")?.Value ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public void The_redis_backplane_brings_the_server_of_the_same_version_and_StackExchange_Redis()
    {
        var dependencies = feed.Manifest("Typed.Redis").Descendants("dependency").ToList();

        var server = dependencies.Where(d => d.Attribute("id")!.Value == "Typed.Server").ToList();
        Assert.Equal(2, server.Count); // net8.0 and net10.0
        Assert.All(server, d => Assert.Equal(feed.Version, d.Attribute("version")!.Value));
        Assert.Contains(dependencies, d => d.Attribute("id")!.Value == "StackExchange.Redis");
    }

    [Fact]
    public async Task A_server_from_its_package_alone_and_a_client_from_its_package_alone_exchange_typed_events()
    {
        var server = await FreshApp.CreateServerAsync(feed, "FreshServer");
        var client = await FreshApp.CreateClientAsync(feed, "FreshClient");
        await AssertBuildsAsync(server);
        await AssertBuildsAsync(client);

        // A server gets the contracts, the generator and the server: never the client.
        Assert.True(File.Exists(Path.Combine(server.Output, "Typed.Server.dll")));
        Assert.True(File.Exists(Path.Combine(server.Output, "Typed.Abstractions.dll")));
        Assert.False(File.Exists(Path.Combine(server.Output, "Typed.Client.dll")), "a server app brought Typed.Client.dll");
        Assert.DoesNotContain("Typed.Client", await File.ReadAllTextAsync(Path.Combine(server.Output, "FreshServer.deps.json")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(client.Output, "Typed.Client.dll")));
        Assert.False(File.Exists(Path.Combine(client.Output, "Typed.Server.dll")), "a client app brought Typed.Server.dll");

        await using var running = server.Start();
        var url = (await running.WaitForAsync(SampleProcess.Listening())).Groups["url"].Value;
        var run = await client.RunAsync(url);

        Assert.True(run.ExitCode == 0, "the client failed:\n" + string.Join("\n", run.Output));
        Assert.Contains("answer: hello through the packages ✓", run.Output);
        Assert.Equal(0, await running.CloseInputAndWaitAsync());
        Assert.Contains("noted: from the client package", running.Transcript);
    }

    [Fact]
    public async Task A_contracts_library_builds_from_the_typed_package_alone_with_the_generator()
    {
        var contracts = await FreshApp.CreateContractsAsync(feed, "FreshContracts");

        await AssertBuildsAsync(contracts);

        var generated = Directory.GetFiles(Path.Combine(contracts.Folder, "obj"), "*.g.cs", SearchOption.AllDirectories)
            .Where(path => path.Contains("Typed.Generators", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(generated);
        Assert.Contains(generated, path => File.ReadAllText(path).Contains("IGreeter", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(contracts.Output, "Typed.Client.dll")));
    }

    [Fact]
    public async Task A_contract_mistake_in_a_fresh_app_fails_its_build_with_the_analyzers_id()
    {
        var app = await FreshApp.CreateServerAsync(feed, "FreshMistake");
        await app.WriteFileAsync("Mistake.cs", """
            using Typed.Events;

            namespace Fresh;

            [Events]
            public interface ICounter
            {
                int Count(string what);
            }
            """);

        var built = await app.BuildAsync();

        Assert.NotEqual(0, built.ExitCode);
        Assert.Contains(built.Output, line => line.Contains("Mistake.cs(8,", StringComparison.Ordinal) && line.Contains("error TYPED001", StringComparison.Ordinal));
        Assert.DoesNotContain(built.Output, line => line.Contains("error CS", StringComparison.Ordinal));
    }

    private static async Task AssertBuildsAsync(FreshApp app)
    {
        var built = await app.BuildAsync();
        Assert.True(built.ExitCode == 0, $"{app.Name} failed to build:\n" + string.Join("\n", built.Output));
    }
}
