namespace Typed.Packages.Tests;

/// <summary>
/// A new project outside the repository that knows Typed only through the packed feed: one
/// <c>PackageReference</c> (to <c>Typed.Server</c>, <c>Typed.Client</c> or <c>Typed</c>), warnings
/// as errors, a contract of its own for the generator.
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

    // A server and nothing else: it says where it listens, answers typed events until its input ends.
    private const string ServerProgram = """
        using Fresh;
        using Typed.Server;

        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSockets(options => options.FlashPolicyPort = 0);
        var app = builder.Build();
        app.MapSockets(sockets => sockets.Handle<IGreeter, Greeter>());
        await app.StartAsync();
        await Console.In.ReadToEndAsync();
        await app.StopAsync();

        internal sealed class Greeter : IGreeter
        {
            public Task<string> Echo(string text) => Task.FromResult(text);

            public void Note(string text) => Console.WriteLine("noted: " + text);
        }
        """;

    // A .NET client and nothing else: it asks the server named on its command line.
    private const string ClientProgram = """
        using Fresh;
        using Typed.Client;

        await using var socket = new Socket(new Uri(args[0]), new SocketOptions { Transports = ["websocket", "xhr-polling"] });
        await socket.ConnectAsync();
        socket.Events<IGreeter>().Note("from the client package");
        Console.WriteLine("answer: " + await socket.Events<IGreeter>().Echo("hello through the packages ✓"));
        """;

    private FreshApp(string folder, string name)
    {
        Folder = folder;
        Name = name;
    }

    public string Folder { get; }

    public string Name { get; }

    /// <summary>Where the build puts the program and everything it brought.</summary>
    public string Output => Path.Combine(Folder, "bin", "Release", "net10.0");

    /// <summary>An ASP.NET Core app referencing <c>Typed.Server</c> alone.</summary>
    public static Task<FreshApp> CreateServerAsync(PackedFeed feed, string name) =>
        CreateAsync(feed, name, "Microsoft.NET.Sdk.Web", "Typed.Server", "<OutputType>Exe</OutputType>", ServerProgram);

    /// <summary>A console app referencing <c>Typed.Client</c> alone.</summary>
    public static Task<FreshApp> CreateClientAsync(PackedFeed feed, string name) =>
        CreateAsync(feed, name, "Microsoft.NET.Sdk", "Typed.Client", "<OutputType>Exe</OutputType>", ClientProgram);

    /// <summary>A contracts library referencing <c>Typed</c> alone, keeping what the generator writes.</summary>
    public static Task<FreshApp> CreateContractsAsync(PackedFeed feed, string name) =>
        CreateAsync(feed, name, "Microsoft.NET.Sdk", "Typed", "<EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>", program: null);

    private static async Task<FreshApp> CreateAsync(PackedFeed feed, string name, string sdk, string package, string property, string? program)
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
            <Project Sdk="{sdk}">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                {property}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{package}" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        if (program is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "Program.cs"), program);
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "Contract.cs"), Contract);
        return new FreshApp(folder, name);
    }

    public Task WriteFileAsync(string name, string source) => File.WriteAllTextAsync(Path.Combine(Folder, name), source);

    public Task<(int? ExitCode, List<string> Output)> BuildAsync() => Dotnet.RunAsync(Folder, "build", "-c", "Release");

    /// <summary>Runs the built program to its end.</summary>
    public Task<(int? ExitCode, List<string> Output)> RunAsync(params string[] arguments) =>
        Dotnet.RunAsync(Folder, [Path.Combine(Output, Name + ".dll"), .. arguments]);

    /// <summary>Starts the built program, for one that runs until its input ends.</summary>
    public SampleProcess Start() => SampleProcess.RunIn(Folder, "dotnet", Path.Combine(Output, Name + ".dll"));
}
