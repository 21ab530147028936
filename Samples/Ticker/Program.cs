// A stock ticker: a background service broadcasts a quote of every symbol each interval to every
// page and client, through the typed ITickerClient contract. A client that stops reading is
// dropped once its queue passes Ticker:MaxQueuedBytes; everyone else keeps their pace.
// Open http://127.0.0.1:5057/ and pick a transport.
using Ticker;
using Ticker.Contracts;
using Typed.Server;

var builder = WebApplication.CreateBuilder(args);
var ticker = builder.Configuration.GetSection("Ticker").Get<TickerOptions>() ?? new TickerOptions();
builder.Services.AddSingleton(ticker);
builder.Services.AddSockets(options =>
{
    options.MaxQueuedBytes = ticker.MaxQueuedBytes;
    if (builder.Configuration.GetValue<TimeSpan?>("Sockets:Timeout") is { } timeout)
    {
        options.Timeout = timeout;
    }

    if (int.TryParse(builder.Configuration["Sockets:FlashPolicyPort"], out var policyPort))
    {
        options.FlashPolicyPort = policyPort;
    }
});
builder.Services.AddSingleton<QuoteHistory>();
builder.Services.AddSingleton<SlowClients>();
builder.Services.AddHostedService<QuoteFeed>();

var app = builder.Build();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapSockets(sockets =>
{
    sockets.Handle<ITickerServer, TickerHandler>();
    app.Services.GetRequiredService<SlowClients>().Watch();
});
app.Run();
