using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Typed.Server;

namespace Typed.Testing;

/// <summary>A real Kestrel server on a free loopback port, serving the protocol at /socket.io.</summary>
public sealed class SocketServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SocketServerHost(WebApplication app, Uri baseUri, CapturedLogs logs)
    {
        _app = app;
        BaseUri = baseUri;
        Logs = logs;
        Listener = app.Services.GetRequiredService<Listener>();
        Events = new ListenerEvents(Listener);
    }

    public Uri BaseUri { get; }

    public Listener Listener { get; }

    /// <summary>The application's services.</summary>
    public IServiceProvider Services => _app.Services;

    public ListenerEvents Events { get; }

    public CapturedLogs Logs { get; }

    /// <summary>The origin browsers would send for pages served by this server.</summary>
    public string OwnOrigin => BaseUri.GetLeftPart(UriPartial.Authority);

    /// <summary>Starts a server whose application echoes every message back, as the Echo sample does.</summary>
    public static Task<SocketServerHost> StartEchoAsync(
        Action<SocketServerOptions>? configure = null,
        Action<WebApplicationBuilder>? services = null,
        Action<WebApplication>? pipeline = null) =>
        StartAsync(configure, listener => listener.ClientMessage += (client, message) => client.Send(message), services, pipeline);

    public static async Task<SocketServerHost> StartAsync(
        Action<SocketServerOptions>? configure = null,
        Action<Listener>? setup = null,
        Action<WebApplicationBuilder>? services = null,
        Action<WebApplication>? pipeline = null,
        Action<IEndpointConventionBuilder>? endpoint = null)
    {
        var logs = new CapturedLogs();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        builder.Services.AddSockets(options =>
        {
            options.UnknownSessionDelay = TimeSpan.FromMilliseconds(50);
            options.FlashPolicyPort = 0;
            configure?.Invoke(options);
        });

        services?.Invoke(builder);
        var app = builder.Build();
        pipeline?.Invoke(app);
        app.MapGet("/", () => "the application's own page");
        var mapped = app.MapSockets(setup);
        endpoint?.Invoke(mapped);
        await app.StartAsync();

        return new SocketServerHost(app, app.BaseUri(), logs);
    }

    /// <summary>Where the Flash policy listener was bound.</summary>
    public System.Net.IPEndPoint? FlashPolicyEndPoint => _app.Services.GetRequiredService<Typed.Server.Flash.FlashPolicyServer>().EndPoint;

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(Wait.Long);
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
