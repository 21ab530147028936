namespace Typed.Packages.Tests;

/// <summary>The packages as users get them: what is inside, and an application built from them alone.</summary>
public sealed class PackageTests(PackedFeed feed) : IClassFixture<PackedFeed>
{
    [Fact]
    public void The_typed_package_holds_the_abstractions_the_client_their_docs_the_generator_and_the_analyzers()
    {
        var entries = feed.Entries("Typed");

        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            Assert.Contains($"lib/{framework}/Typed.Abstractions.dll", entries);
            Assert.Contains($"lib/{framework}/Typed.Abstractions.xml", entries);
            Assert.Contains($"lib/{framework}/Typed.Client.dll", entries);
            Assert.Contains($"lib/{framework}/Typed.Client.xml", entries);
        }

        Assert.Contains("analyzers/dotnet/cs/Typed.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Typed.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Typed.Analyzers.CodeFixes.dll", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("lib/net8.0/Typed.Client.pdb", feed.Entries("Typed", "snupkg"));
        Assert.Contains("lib/net8.0/Typed.Abstractions.pdb", feed.Entries("Typed", "snupkg"));
    }

    [Theory]
    [InlineData("Typed")]
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
    public async Task A_fresh_app_built_from_the_packages_alone_answers_a_typed_echo()
    {
        var app = await FreshApp.CreateAsync(feed, "FreshEcho");

        var built = await app.BuildAsync();
        Assert.True(built.ExitCode == 0, "build failed:\n" + string.Join("\n", built.Output));
        var run = await app.RunAsync();

        Assert.True(run.ExitCode == 0, "run failed:\n" + string.Join("\n", run.Output));
        Assert.Contains("answer: hello through the packages ✓", run.Output);
    }

    [Fact]
    public async Task A_contract_mistake_in_a_fresh_app_fails_its_build_with_the_analyzers_id()
    {
        var app = await FreshApp.CreateAsync(feed, "FreshMistake");
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
}
