using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Typed.Server.Logging;

namespace Typed.Server.Flash;

/// <summary>
/// The Flash socket policy listener: a Kestrel server of its own per address on the policy port
/// (843 by default), running only <see cref="FlashPolicyConnectionHandler"/>. It is separate so
/// that the application's own endpoints (<c>--urls</c>, configuration) stay exactly as configured.
/// It starts only when the <c>flashsocket</c> transport is enabled, once the application listens:
/// by default it binds the application's addresses and admits the application's own origin.
/// </summary>
internal sealed class FlashPolicyServer(
    IOptions<SocketServerOptions> options,
    IServiceProvider services,
    ILoggerFactory loggerFactory) : IHostedLifecycleService, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<FlashPolicyServer>();
    private readonly List<KestrelServer> _servers = [];
    private readonly List<IPEndPoint> _endPoints = [];

    /// <summary>The first address the listener is bound to, once started.</summary>
    public IPEndPoint? EndPoint => _endPoints.FirstOrDefault();

    /// <summary>Every address the listener is bound to, once started.</summary>
    public IReadOnlyList<IPEndPoint> EndPoints => _endPoints;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After every hosted service has started, so the application's addresses are known.</summary>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Transports is { } enabled && !enabled.Contains(TransportNames.FlashSocket))
        {
            return;
        }

        var appAddresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];
        IEnumerable<string> origins = settings.Origins.Count > 0 ? settings.Origins : FlashPolicyBindings.OwnOrigins(appAddresses);
        IReadOnlyList<IPAddress> addresses = settings.FlashPolicyAddress is { } address ? [address] : FlashPolicyBindings.ListenAddresses(appAddresses);
        var handler = new FlashPolicyConnectionHandler(FlashPolicy.BuildDocument(origins), loggerFactory.CreateLogger<FlashPolicyConnectionHandler>());

        var port = settings.FlashPolicyPort;
        var failed = new List<(IPEndPoint EndPoint, Exception Error)>();
        foreach (var ip in addresses)
        {
            // With port 0 the first address picks the port and the others share it: clients know one policy port.
            var endPoint = new IPEndPoint(ip, port);
            try
            {
                var bound = await StartOneAsync(endPoint, handler, cancellationToken);
                _endPoints.Add(bound);
                port = bound.Port;
            }
            catch (Exception e) when (e is IOException or SocketException)
            {
                if (SocketErrorOf(e) is SocketError.AddressNotAvailable or SocketError.AddressFamilyNotSupported)
                {
                    // An address this machine does not have (::1 without IPv6): the app could not bind it either.
                    Log.FlashPolicyAddressSkipped(_logger, endPoint.ToString(), e.Message);
                    continue;
                }

                failed.Add((endPoint, e));
            }
        }

        if (failed.Count > 0)
        {
            // No stack trace: the reason and what to do fit on the line, and nothing here is a bug.
            Log.FlashPolicyUnavailable(_logger, string.Join(", ", failed.Select(f => f.EndPoint)), failed[0].Error.Message);
        }

        if (_endPoints.Count > 0)
        {
            Log.FlashPolicyListening(_logger, string.Join(", ", _endPoints));
        }
    }

    private async Task<IPEndPoint> StartOneAsync(IPEndPoint endPoint, FlashPolicyConnectionHandler handler, CancellationToken cancellationToken)
    {
        var kestrel = new KestrelServerOptions { ApplicationServices = services };
        kestrel.Listen(endPoint, listen => listen.Run(handler.OnConnectedAsync));
        var server = new KestrelServer(
            Options.Create(kestrel),
            new SocketTransportFactory(Options.Create(new SocketTransportOptions()), loggerFactory),
            loggerFactory);
        try
        {
            await server.StartAsync(new NoHttpApplication(), cancellationToken);
        }
        catch
        {
            server.Dispose();
            throw;
        }

        _servers.Add(server);
        var address = new Uri(server.Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new IPEndPoint(endPoint.Address, address.Port);
    }

    private static SocketError? SocketErrorOf(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode;
            }
        }

        return null;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var server in _servers)
        {
            await server.StopAsync(cancellationToken);
        }
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            server.Dispose();
        }

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
