using StackExchange.Redis;

namespace Typed.Redis;

/// <summary>Joining the cluster, the heartbeat that keeps this node in it, and leaving it.</summary>
internal sealed partial class RedisBackplane
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _heartbeats;
    private ChannelMessageQueue? _broadcasts;
    private ChannelMessageQueue? _direct;
    private bool _reachable = true;

    /// <summary>Connects (without waiting for Redis to be up: the node serves its own clients meanwhile), subscribes, and starts the heartbeat.</summary>
    internal async Task StartAsync()
    {
        var configuration = ConfigurationOptions.Parse(_options.Configuration);
        configuration.AbortOnConnectFail = false;
        configuration.ClientName ??= NodeId;
        var redis = await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
        redis.ConnectionFailed += (_, e) => Unreachable(e.FailureType.ToString());
        redis.ConnectionRestored += (_, _) =>
        {
            _indexStale = true;
            if (!_reachable)
            {
                _reachable = true;
                Log.Restored(_logger);
            }
        };
        _redis = redis;
        await BeatAsync().ConfigureAwait(false);
        Log.Joined(_logger, NodeId, _options.Configuration);
        _heartbeats = BeatUntilStoppedAsync();
    }

    /// <summary>Stops the heartbeat and takes this node and its sessions out of the cluster.</summary>
    internal async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_heartbeats is not null)
        {
            await _heartbeats.ConfigureAwait(false);
        }

        if (_redis is not { } redis)
        {
            return;
        }

        try
        {
            await redis.GetDatabase().ScriptEvaluateAsync(NodeScripts.Leave, values: [_options.Prefix, NodeId])
                .WaitAsync(_options.NodeTimeout).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The others' sweep takes this node out instead, once its heartbeat expires.
        }

        await redis.CloseAsync().ConfigureAwait(false);
        redis.Dispose();
    }

    private async Task BeatUntilStoppedAsync()
    {
        using var timer = new PeriodicTimer(_options.HeartbeatInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
            {
                await BeatAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>
    /// One heartbeat: this node's lease renewed (with its sessions, when Redis may have lost them),
    /// the subscriptions made if they are not yet, and the nodes whose lease has run out removed.
    /// </summary>
    private async Task BeatAsync()
    {
        var redis = _redis!;
        try
        {
            await SubscribeOnceAsync(redis).ConfigureAwait(false);
            var stale = _indexStale;
            _indexStale = false;
            Task<RedisResult> beat;
            lock (_indexing)
            {
                // The sessions are read and the beat sent under the lock that every change of the
                // index is sent under: a change made meanwhile reaches Redis after the beat, not before it.
                var sessions = stale ? _receiver?.SessionIds ?? [] : [];
                RedisValue[] values = [_options.Prefix, NodeId, (long)_options.NodeTimeout.TotalMilliseconds, stale ? "1" : "0", .. sessions.SelectMany(IndexEntry)];
                beat = redis.GetDatabase().ScriptEvaluateAsync(NodeScripts.Heartbeat, values: values);
            }

            if ((long)await beat.ConfigureAwait(false) == 0 && !stale)
            {
                // Swept by the others while its heartbeat was late (a pause, a starved machine):
                // its sessions left the index with it and go back with the next beat.
                _indexStale = true;
            }

            var removed = (long)await redis.GetDatabase().ScriptEvaluateAsync(NodeScripts.Sweep, values: [_options.Prefix, NodeId]).ConfigureAwait(false);
            if (removed > 0)
            {
                Log.NodesSwept(_logger, removed);
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            _indexStale = true;
            Unreachable(e.Message);
        }
    }

    /// <summary>A session as the heartbeat writes it to the index: its id, its user's ('' for none), and its rooms, counted.</summary>
    private RedisValue[] IndexEntry(string sessionId)
    {
        var rooms = _receiver?.RoomsOf(sessionId) ?? [];
        return [sessionId, _users.GetValueOrDefault(sessionId, string.Empty), rooms.Count, .. rooms.Select(room => (RedisValue)room)];
    }

    /// <summary>Each channel subscribed once; the multiplexer makes the subscriptions again itself after a reconnection.</summary>
    private async Task SubscribeOnceAsync(ConnectionMultiplexer redis)
    {
        _broadcasts ??= await SubscribeAsync(redis, _names.Broadcasts, BroadcastChannel).ConfigureAwait(false);
        _direct ??= await SubscribeAsync(redis, _names.ThisNode, DirectChannel).ConfigureAwait(false);
    }

    private async Task<ChannelMessageQueue> SubscribeAsync(ConnectionMultiplexer redis, RedisChannel channel, string kind)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(channel).ConfigureAwait(false);
        queue.OnMessage(message => Receive(message, kind));
        return queue;
    }

    private void Unreachable(string reason)
    {
        if (_reachable)
        {
            _reachable = false;
            Log.Unreachable(_logger, reason);
        }
    }
}
