namespace Typed.Packages.Tests;

/// <summary>
/// A new application outside the repository that knows Typed only through the packed feed: one
/// <c>PackageReference</c> to the server package, warnings as errors, a contract of its own.
/// </summary>
public sealed class FreshApp
{
    public const string Contract = """
        using Typed.Events;

        namespace Fresh;

        [Events]
        public interface IGreeter
        {
            Task<string> Echo(string text);

            void Note(string text);
        }
        """;

    // The server and a .NET client in one process: the client asks, the server's handler answers.
    private const string Program = """
        using Fresh;
        using Typed.Client;
        using Typed.Server;

        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSockets(options => options.FlashPolicyPort = 0);
        var app = builder.Build();
        app.MapSockets(sockets => sockets.Handle<IGreeter, Greeter>());
        await app.StartAsync();

        await using (var socket = new Socket(new Uri(app.Urls.First()), new SocketOptions { Transports = ["websocket", "xhr-polling"] }))
        {
            await socket.ConnectAsync();
            Console.WriteLine("answer: " + await socket.Events<IGreeter>().Echo("hello through the packages ✓"));
        }

        await app.StopAsync();

        internal sealed class Greeter : IGreeter
        {
            public Task<string> Echo(string text) => Task.FromResult(text);

            public void Note(string text) => Console.WriteLine("noted: " + text);
        }
        """;

    private FreshApp(string folder) => Folder = folder;

    public string Folder { get; }

    public static async Task<FreshApp> CreateAsync(PackedFeed feed, string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(feed.Root, name)).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{feed.Folder}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        await File.WriteAllTextAsync(Path.Combine(folder, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Typed.Server" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(folder, "Program.cs"), Program);
        await File.WriteAllTextAsync(Path.Combine(folder, "Contract.cs"), Contract);
        return new FreshApp(folder);
    }

    public Task WriteFileAsync(string name, string source) => File.WriteAllTextAsync(Path.Combine(Folder, name), source);

    public Task<(int? ExitCode, List<string> Output)> BuildAsync() => Dotnet.RunAsync(Folder, "build", "-c", "Release");

    public Task<(int? ExitCode, List<string> Output)> RunAsync() => Dotnet.RunAsync(Folder, "run", "-c", "Release", "--no-build");
}
