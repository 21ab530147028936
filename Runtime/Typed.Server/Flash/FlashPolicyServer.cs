using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Typed.Server.Logging;

namespace Typed.Server.Flash;

/// <summary>
/// The Flash socket policy listener: a Kestrel server of its own on the policy port (843 by
/// default), running only <see cref="FlashPolicyConnectionHandler"/>. It is a separate server so
/// that the application's own endpoints (<c>--urls</c>, configuration) stay exactly as configured.
/// It starts only when the <c>flashsocket</c> transport is enabled.
/// </summary>
internal sealed class FlashPolicyServer(
    IOptions<SocketServerOptions> options,
    IServiceProvider services,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<FlashPolicyServer>();
    private KestrelServer? _server;

    /// <summary>The address the listener is bound to, once started.</summary>
    public IPEndPoint? EndPoint { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Transports is { } enabled && !enabled.Contains(TransportNames.FlashSocket))
        {
            return;
        }

        var kestrel = new KestrelServerOptions { ApplicationServices = services };
        kestrel.Listen(settings.FlashPolicyAddress, settings.FlashPolicyPort, listen => listen.UseConnectionHandler<FlashPolicyConnectionHandler>());
        var server = new KestrelServer(
            Options.Create(kestrel),
            new SocketTransportFactory(Options.Create(new SocketTransportOptions()), loggerFactory),
            loggerFactory);
        try
        {
            await server.StartAsync(new NoHttpApplication(), cancellationToken);
        }
        catch (IOException e)
        {
            // The app keeps running without it: flashsocket clients then fall back to other transports.
            Log.FlashPolicyUnavailable(_logger, e, settings.FlashPolicyAddress.ToString(), settings.FlashPolicyPort);
            server.Dispose();
            return;
        }

        _server = server;
        var address = new Uri(server.Features.Get<IServerAddressesFeature>()!.Addresses.First());
        EndPoint = new IPEndPoint(settings.FlashPolicyAddress, address.Port);
        Log.FlashPolicyListening(_logger, EndPoint.ToString());
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken);
        }
    }

    public ValueTask DisposeAsync()
    {
        _server?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The listener serves no HTTP: its only endpoint runs a connection handler.</summary>
    private sealed class NoHttpApplication : IHttpApplication<object>
    {
        public object CreateContext(IFeatureCollection contextFeatures) => new();

        public void DisposeContext(object context, Exception? exception)
        {
        }

        public Task ProcessRequestAsync(object context) => Task.CompletedTask;
    }
}
