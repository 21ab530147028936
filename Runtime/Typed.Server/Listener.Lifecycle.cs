using Typed.Server.Logging;

namespace Typed.Server;

/// <summary>
/// Awaitable lifecycle hooks, beside the <see cref="ClientConnected"/> and
/// <see cref="ClientDisconnected"/> events, for work that must await (loading a user's state,
/// saving it): an <c>async</c> lambda given to an event would be <c>async void</c>.
/// </summary>
public sealed partial class Listener
{
    private Func<Client, ValueTask>[] _connectedHooks = [];
    private Func<Client, ValueTask>[] _disconnectedHooks = [];

    /// <summary>
    /// Runs <paramref name="hook"/> for each client once it is connected (after the
    /// <see cref="ClientConnected"/> handlers), as SignalR's <c>OnConnectedAsync</c>: the client's
    /// messages and events are handed over only after every connected hook has completed. A hook
    /// that throws is logged and ends that session (<see cref="DisconnectReason.ServerDisconnect"/>);
    /// other sessions carry on.
    /// </summary>
    public Listener OnConnected(Func<Client, ValueTask> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        _connectedHooks = [.. _connectedHooks, hook];
        return this;
    }

    /// <summary>
    /// Runs <paramref name="hook"/> once for each connected client whose session has ended (after
    /// the <see cref="ClientDisconnected"/> handlers), in the background; stopping the server waits
    /// for the hooks still running, within <see cref="SocketServerOptions.ShutdownFlushTimeout"/>.
    /// A hook that throws is logged.
    /// </summary>
    public Listener OnDisconnected(Func<Client, ValueTask> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        _disconnectedHooks = [.. _disconnectedHooks, hook];
        return this;
    }

    /// <summary>Whether sessions must wait for connected hooks before handing messages over.</summary>
    internal bool HasConnectedHooks => _connectedHooks.Length > 0;

    private readonly HookTasks _runningHooks = new();

    private async Task RunConnectedHooksAsync(Client client)
    {
        try
        {
            foreach (var hook in _connectedHooks)
            {
                await hook(client).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            Log.HandlerFailed(_logger, e, nameof(OnConnected), client.SessionId);
            client.Disconnect();
        }
        finally
        {
            client.Session.HooksDone();
        }
    }

    private void StartDisconnectedHooks(Client client)
    {
        if (_disconnectedHooks.Length > 0)
        {
            _runningHooks.Track(RunDisconnectedHooksAsync(client, _disconnectedHooks));
        }
    }

    private async Task RunDisconnectedHooksAsync(Client client, Func<Client, ValueTask>[] hooks)
    {
        await Task.Yield(); // not on the thread that ended the session
        foreach (var hook in hooks)
        {
            try
            {
                await hook(client).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Log.HandlerFailed(_logger, e, nameof(OnDisconnected), client.SessionId);
            }
        }
    }

    /// <summary>Hooks still running, for stopping to wait on.</summary>
    private sealed class HookTasks
    {
        private readonly HashSet<Task> _running = [];

        public void Track(Task task)
        {
            lock (_running)
            {
                _running.Add(task);
            }

            _ = task.ContinueWith(
                static (done, state) =>
                {
                    var running = (HashSet<Task>)state!;
                    lock (running)
                    {
                        running.Remove(done);
                    }
                },
                _running,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        public Task WhenAllAsync()
        {
            lock (_running)
            {
                return Task.WhenAll([.. _running]);
            }
        }
    }
}
