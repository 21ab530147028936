namespace Typed.Browser.Tests;

/// <summary>
/// The declarations the server serves at <c>/socket.io/socket.io.d.ts</c> type a page's events from
/// the same interfaces as the C# code, checked by the TypeScript compiler from npm.
/// </summary>
public sealed class TypeScriptDeclarationTests(ChatSample chat) : IClassFixture<ChatSample>
{
    private const string Page = """
        /// <reference path="socket.io.d.ts" />
        const socket = new io.Socket<Chat.Contracts.IChatServer, Chat.Contracts.IChatClient>(null, { transports: ["websocket"] });
        socket.on("Said", (user, text) => { const both: string = user + text; });
        socket.on("History", lines => lines.map(line => line.toUpperCase()));
        socket.on("message", message => console.log(message));
        socket.emit("Join", "ana").then(members => members.toFixed());
        socket.emit("Say", "hello");
        socket.send("a plain string");
        // @ts-expect-error Join takes a string
        socket.emit("Join", 42);
        // @ts-expect-error there is no such event
        socket.emit("Shout", "hello");
        // @ts-expect-error Said gives strings, not numbers
        socket.on("Said", (user: number) => user);
        """;

    [Fact]
    public async Task A_page_typed_with_the_served_declarations_compiles_and_its_mistakes_do_not()
    {
        var folder = Directory.CreateTempSubdirectory("typed-ts-");
        try
        {
            using var http = new HttpClient();
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "socket.io.d.ts"), await http.GetStringAsync(chat.Url + "/socket.io/socket.io.d.ts"));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "page.ts"), Page);

            await RunAsync(folder, "npm", "install", "--no-save", "--silent", "--prefix", folder.FullName, "typescript@5");
            var compiled = await RunAsync(folder, "node", Path.Combine(folder.FullName, "node_modules", "typescript", "bin", "tsc"),
                "--noEmit", "--strict", "--target", "es2020", "--lib", "es2020,dom", Path.Combine(folder.FullName, "page.ts"));

            Assert.True(compiled.ExitCode == 0, "tsc reported:\n" + string.Join("\n", compiled.Output));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(int? ExitCode, List<string> Output)> RunAsync(DirectoryInfo folder, string program, params string[] arguments)
    {
        await using var process = SampleProcess.Run(program, arguments);
        var output = await process.ReadToEndAsync(TimeSpan.FromMinutes(5));
        Assert.True(process.ExitCode == 0 || program == "node", $"{program} failed:\n" + string.Join("\n", output));
        return (process.ExitCode, output);
    }
}
