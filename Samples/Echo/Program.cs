// The smallest Typed server: every message goes back to the client that sent it, exactly as
// sent, and the typed Echo event answers with its text.
using Echo.Contracts;
using Typed.Server;

var builder = WebApplication.CreateSlimBuilder(args);

// A test target for clients served from anywhere, so it allows every origin. The Flash policy
// port can be moved with --Sockets:FlashPolicyPort=8843 (0 picks a free one).
builder.Services.AddSockets(options =>
{
    options.Origins = ["*:*"];
    if (int.TryParse(builder.Configuration["Sockets:FlashPolicyPort"], out var policyPort))
    {
        options.FlashPolicyPort = policyPort;
    }
});

var app = builder.Build();
app.MapGet("/", () => "Typed echo server: connect a client to /socket.io.");
app.MapSockets(sockets =>
{
    sockets.ClientMessage += (client, message) => client.Send(message);
    sockets.Handle<IEchoServer, EchoHandler>();
});
app.Run();

/// <summary>Handles the typed contract: one instance per event.</summary>
internal sealed class EchoHandler : IEchoServer
{
    public Task<string> Echo(string text) => Task.FromResult(text);
}
