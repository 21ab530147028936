// The 2010 chat demo on typed contracts, with sign-in: the last 15 messages on joining,
// announcements when people come and go, every message to everyone else, under the name its
// sender signed in with, and whispers to every tab of one user ("/w bob text"). Open
// http://127.0.0.1:5055/ in two tabs (the same user) and a private window (another).
using Chat;
using Chat.Contracts;
using Typed.Server;

var builder = WebApplication.CreateBuilder(args);
// Options come from the "Sockets" configuration section too: --Sockets:Timeout=00:00:05, say.
var sockets = builder.Services.AddSockets();
builder.Services.Configure<SocketServerOptions>(builder.Configuration.GetSection("Sockets"));
builder.Services.AddNameSignIn();
builder.Services.AddSingleton<ChatRoom>();

// Several chat servers behind a load balancer share their clients through Redis when one is
// named: --Redis:Configuration=127.0.0.1:6379 (and --Redis:NodeTimeout=00:00:05, say). Each server
// keeps its own last 15 messages.
if (builder.Configuration.GetSection("Redis") is { } redis && redis["Configuration"] is not null)
{
    sockets.AddRedisBackplane(redis.Bind);
}

var app = builder.Build();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.MapNameSignIn();
app.MapSockets(sockets =>
{
    var room = app.Services.GetRequiredService<ChatRoom>();
    sockets.Handle<IChatServer, ChatHandler>();
    sockets.ClientDisconnected += client => room.Left(client);

    // Plain messages still work, as in 2010: relayed to everyone else exactly as sent.
    sockets.ClientMessage += (client, message) => client.Broadcast(message);
})
    // Only a signed-in user opens a session (401 otherwise); the page and its script are public.
    .RequireAuthorization();
app.Run();
