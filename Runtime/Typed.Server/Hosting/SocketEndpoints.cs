using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Typed.Server.Hosting;

/// <summary>
/// The listener of each mapped resource. The default resource's is the <see cref="Listener"/>
/// singleton; every other resource gets one of its own (its sessions, handlers and options),
/// reachable as a keyed service: <c>[FromKeyedServices("admin")] Listener</c>, and with a
/// backplane, a backplane of its own from the <see cref="ScaleOut.IBackplaneFactory"/>.
/// </summary>
internal sealed class SocketEndpoints(IServiceProvider services, IOptions<SocketServerOptions> options)
{
    private readonly ConcurrentDictionary<string, Listener> _listeners = new(StringComparer.Ordinal);

    /// <summary>The default resource, as configured, without slashes.</summary>
    public string DefaultResource { get; } = Trim(options.Value.Resource);

    /// <summary>Every listener made so far, the default one included once it is mapped.</summary>
    public IEnumerable<Listener> Listeners => _listeners.Values;

    /// <summary>Makes the listener of a resource being mapped; a resource is mapped once.</summary>
    public Listener Map(string resource, Action<SocketServerOptions>? configure)
    {
        resource = Trim(resource);
        Listener listener;
        if (resource == DefaultResource)
        {
            listener = configure is null
                ? services.GetRequiredService<Listener>()
                : throw new InvalidOperationException("The default resource's options are the application's: set them in AddSockets.");
        }
        else
        {
            // Another endpoint starts from the application's options, then its own changes.
            var own = options.Value.Copy();
            own.Resource = resource;
            configure?.Invoke(own);
            var backplane = services.GetService<ScaleOut.IBackplaneFactory>()?.Create(resource);
            listener = new Listener(Options.Create(own), services.GetRequiredService<ILogger<Listener>>(), services, services.GetService<TimeProvider>(), backplane);
        }

        return _listeners.TryAdd(resource, listener)
            ? listener
            : throw new InvalidOperationException($"The resource '/{resource}' is mapped already: each MapSockets needs a resource of its own.");
    }

    /// <summary>The listener of a mapped resource.</summary>
    public Listener Get(string resource) =>
        _listeners.TryGetValue(Trim(resource), out var listener)
            ? listener
            : throw new InvalidOperationException($"No endpoint is mapped at '/{Trim(resource)}': call app.MapSockets(\"{Trim(resource)}\") first.");

    private static string Trim(string resource) => resource.Trim('/');
}
