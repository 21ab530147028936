using System.Runtime.CompilerServices;
using Typed.TestContracts;

namespace Typed.Browser.Tests;

/// <summary>
/// The declarations the server serves at <c>/socket.io/socket.io.d.ts</c> type a page's events from
/// the same interfaces as the C# code, checked by the TypeScript compiler from npm.
/// </summary>
public sealed class TypeScriptDeclarationTests(ChatSample chat) : IClassFixture<ChatSample>
{
    private const string ChatPage = """
        /// <reference path="socket.io.d.ts" />
        const socket = new io.Socket<Chat.Contracts.IChatServer, Chat.Contracts.IChatClient>(null, { transports: ["websocket"] });
        socket.on("Said", (room, number, user, text) => { const both: string = room + user + text; return number.toFixed(); });
        socket.on("History", (room, first, lines) => lines.map((line, i) => room + (first + i) + line.toUpperCase()));
        socket.on("Members", (room, users) => users.map(user => user.toUpperCase()).join(room));
        socket.on("message", message => console.log(message));
        socket.emit("Enter", "lobby").then(members => members.toFixed());
        socket.emit("Say", "lobby", "hello").then(number => number.toFixed());
        socket.emit("Leave", "games").then(() => 0);
        socket.emit("Whisper", "bob", "psst").then(here => { const answer: boolean = here; return answer; });
        socket.on("Whispered", (sender, recipient, text) => (sender + recipient + text).length);
        socket.send("a plain string");
        // @ts-expect-error Enter names the room: the server knows who signed in
        socket.emit("Enter");
        // @ts-expect-error a line is said in a room
        socket.emit("Say", "hello");
        // @ts-expect-error a whisper names its recipient
        socket.emit("Whisper", "psst");
        // @ts-expect-error there is no such event
        socket.emit("Shout", "hello");
        // @ts-expect-error Said gives the room, a number, then strings
        socket.on("Said", (room: string, number: number, user: number) => user);
        """;

    // Person's JSON keeps the C# names: its serializer context names no policy.
    private const string EchoPage = """
        /// <reference path="socket.io.d.ts" />
        const socket = new io.Socket<Typed.TestContracts.IEcho>(null);
        socket.emit("Person", { Name: "ana", Age: 3, Tags: ["a"] }).then(p => p.Tags.map(t => t.toUpperCase()).length + p.Age);
        socket.emit("People", { ana: { Name: "ana", Age: 3, Tags: [] } }).then(people => people["ana"].Name);
        socket.emit("MaybePerson", null).then(p => p?.Name);
        socket.emit("Nested", [[0, 7]]).then(moods => moods[0].length);
        // @ts-expect-error the properties are Name, Age and Tags
        socket.emit("Person", { name: "ana", age: 3, tags: [] });
        // @ts-expect-error Tags is required
        socket.emit("Person", { Name: "ana", Age: 3 });
        const signedIn = new io.Socket(null, { accessToken: () => fetch("/token").then(r => r.text()) });
        new io.Socket(null, { accessToken: "a token" });
        signedIn.on("connect_failed", refusal => console.log(refusal.status.toFixed(), refusal.message.length));
        signedIn.on("disconnect", refusal => console.log(refusal?.status));
        // @ts-expect-error a token is a string
        new io.Socket(null, { accessToken: () => 42 });
        """;

    private static readonly Lazy<Task<string>> Compiler = new(InstallTypeScriptAsync);

    [Fact]
    public async Task A_page_typed_with_the_served_declarations_compiles_and_its_mistakes_do_not()
    {
        using var http = new HttpClient();
        var declarations = await http.GetStringAsync(chat.Url + "/socket.io/socket.io.d.ts");

        await AssertCompilesAsync(declarations, ChatPage);
    }

    [Fact]
    public async Task The_applications_own_types_are_declared_as_their_json()
    {
        RuntimeHelpers.RunModuleConstructor(typeof(IEcho).Module.ModuleHandle); // registers the contract, as loading it does
        await using var server = await TestPages.StartAsync();
        using var http = new HttpClient();
        var declarations = await http.GetStringAsync(new Uri(server.BaseUri, "/socket.io/socket.io.d.ts"));

        Assert.Contains("interface Person {", declarations, StringComparison.Ordinal);
        await AssertCompilesAsync(declarations, EchoPage);
    }

    private static async Task AssertCompilesAsync(string declarations, string page)
    {
        var folder = Directory.CreateTempSubdirectory("typed-ts-page-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "socket.io.d.ts"), declarations);
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "page.ts"), page);
            var (exitCode, output) = await RunAsync("node", await Compiler.Value, "--noEmit", "--strict", "--target", "es2020", "--lib", "es2020,dom", Path.Combine(folder.FullName, "page.ts"));

            Assert.True(exitCode == 0, "tsc reported:\n" + string.Join("\n", output));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>TypeScript from npm, once for the test run; the path of its <c>tsc</c>.</summary>
    private static async Task<string> InstallTypeScriptAsync()
    {
        var folder = Directory.CreateTempSubdirectory("typed-tsc-").FullName;
        var (exitCode, output) = await RunAsync("npm", "install", "--no-save", "--silent", "--prefix", folder, "typescript@5");
        Assert.True(exitCode == 0, "npm failed:\n" + string.Join("\n", output));
        return Path.Combine(folder, "node_modules", "typescript", "bin", "tsc");
    }

    private static async Task<(int? ExitCode, List<string> Output)> RunAsync(string program, params string[] arguments)
    {
        await using var process = SampleProcess.Run(program, arguments);
        var output = await process.ReadToEndAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, output);
    }
}
