// The smallest Typed server: every message goes back to the client that sent it, exactly as sent.
var builder = WebApplication.CreateBuilder(args);

// A test target for clients served from anywhere, so it allows every origin. Anything else can
// be set from configuration, for example --Sockets:FlashPolicyPort=8843.
builder.Services.AddSockets(options =>
{
    options.Origins = ["*:*"];
    builder.Configuration.GetSection("Sockets").Bind(options);
});

var app = builder.Build();
app.MapGet("/", () => "Typed echo server: connect a client to /socket.io.");
app.MapSockets(sockets => sockets.ClientMessage += (client, message) => client.Send(message));
app.Run();
