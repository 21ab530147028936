using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Typed.Server.ScaleOut;

namespace Typed.Redis;

/// <summary>
/// The backplanes of endpoints other than the default one: each a cluster of its own under the
/// prefix and the resource (<c>typed:/admin:</c>), so that one endpoint's broadcasts, sends and
/// index never meet another's. Started and stopped with the default one.
/// </summary>
internal sealed class RedisBackplaneFactory(IOptions<RedisBackplaneOptions> options, ILogger<RedisBackplane> logger) : IBackplaneFactory
{
    private readonly Gate _gate = new();
    private readonly List<RedisBackplane> _made = [];
    private bool _started;

    public IBackplane Create(string resource)
    {
        var own = new RedisBackplaneOptions
        {
            Configuration = options.Value.Configuration,
            Prefix = $"{options.Value.Prefix}/{resource}:",
            HeartbeatInterval = options.Value.HeartbeatInterval,
            NodeTimeout = options.Value.NodeTimeout,
        };
        var backplane = new RedisBackplane(Options.Create(own), logger);
        bool started;
        lock (_gate)
        {
            _made.Add(backplane);
            started = _started;
        }

        if (started)
        {
            // Mapped after the application started: it joins at once.
            _ = backplane.StartAsync();
        }

        return backplane;
    }

    public Task StartAsync()
    {
        lock (_gate)
        {
            _started = true;
            return Task.WhenAll(_made.Select(backplane => backplane.StartAsync()));
        }
    }

    public Task StopAsync()
    {
        lock (_gate)
        {
            return Task.WhenAll(_made.Select(backplane => backplane.StopAsync()));
        }
    }
}
