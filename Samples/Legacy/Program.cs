// The original 2010 chat demo, served to the unmodified 2010 browser client: plain JSON texts,
// no typed events. Fetch that client first (sh Samples/Legacy/fetch-2010-client.sh), then open
// http://127.0.0.1:5057/ in two tabs.
using Legacy;
using Typed.Server;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddSockets(options =>
{
    // What the 2010 client can use in a browser of today. flashsocket is left out: it needs Flash
    // and the client's WebSocketMain.swf, and with it the policy listener on port 843.
    options.Transports = ["websocket", "htmlfile", "xhr-multipart", "xhr-polling"];
});
builder.Services.AddSingleton<LegacyChat>();

var app = builder.Build();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapLegacyClient(LegacyClientScript.PathFrom(app.Configuration, app.Environment));
app.MapSockets(sockets =>
{
    var chat = app.Services.GetRequiredService<LegacyChat>();
    sockets.ClientConnected += chat.Connected;
    sockets.ClientMessage += chat.Said;
    sockets.ClientDisconnected += chat.Disconnected;
});
app.Run();
