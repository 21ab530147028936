// A contract with answers, used from a page (http://127.0.0.1:5058/) and from a .NET console
// client (Samples/Calculator.Client): each event is awaited, and a failing handler fails the caller.
using Calculator;
using Calculator.Contracts;
using Typed.Server;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddSockets(options =>
{
    if (int.TryParse(builder.Configuration["Sockets:FlashPolicyPort"], out var policyPort))
    {
        options.FlashPolicyPort = policyPort;
    }
});

var app = builder.Build();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapSockets(sockets => sockets.Handle<ICalculator, CalculatorHandler>());
app.Run();
