// The 2010 chat demo on typed contracts, with sign-in and rooms: everyone starts in #lobby and
// enters other rooms by name (making them), each with its members, its last 15 lines, and
// announcements when people come and go; what is said goes to the room it was said in, under the
// name its sender signed in with; whispers go to every tab of one user ("/w bob text"). Open
// http://127.0.0.1:5055/ in two tabs (the same user) and a private window (another).
using Chat;
using Chat.Contracts;
using Typed.Server;

var builder = WebApplication.CreateBuilder(args);
// Options come from the "Sockets" configuration section too: --Sockets:Timeout=00:00:05, say.
var sockets = builder.Services.AddSockets();
builder.Services.Configure<SocketServerOptions>(builder.Configuration.GetSection("Sockets"));
builder.Services.AddNameSignIn();
builder.Services.AddSingleton<RoomHistory>();
builder.Services.AddSingleton<ChatRooms>();

// Several chat servers behind a load balancer share their clients through Redis when one is
// named: --Redis:Configuration=127.0.0.1:6379 (and --Redis:NodeTimeout=00:00:05, say). Each server
// keeps its own last 15 lines of each room; who is in which room is the whole cluster's.
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
    var rooms = app.Services.GetRequiredService<ChatRooms>();
    sockets.Handle<IChatServer, ChatHandler>();
    // The session has left its rooms; client.Rooms still names them, for telling them so.
    sockets.ClientDisconnected += client => _ = rooms.EndedAsync(client);

    // Plain messages still work, as in 2010: relayed to everyone else exactly as sent.
    sockets.ClientMessage += (client, message) => client.Broadcast(message);
})
    // Only a signed-in user opens a session (401 otherwise); the page and its script are public.
    .RequireAuthorization();
app.Run();
