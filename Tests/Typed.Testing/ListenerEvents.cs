using System.Collections.Concurrent;
using Typed.Server;

namespace Typed.Testing;

using Client = Typed.Server.Client;

/// <summary>Records a listener's events as they are raised, for tests to await by session id.</summary>
public sealed class ListenerEvents
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Client>> _connected = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Client>> _disconnected = new();
    private readonly ConcurrentDictionary<string, int> _disconnectCounts = new();

    public ListenerEvents(Listener listener)
    {
        listener.ClientConnected += client => Slot(_connected, client.SessionId).TrySetResult(client);
        listener.ClientDisconnected += client =>
        {
            _disconnectCounts.AddOrUpdate(client.SessionId, 1, (_, n) => n + 1);
            Slot(_disconnected, client.SessionId).TrySetResult(client);
        };
    }

    public int DisconnectCount(string sessionId) => _disconnectCounts.GetValueOrDefault(sessionId);

    public Task<Client> ConnectedAsync(string sessionId) => Slot(_connected, sessionId).Task.Within();

    public Task<Client> DisconnectedAsync(string sessionId) => Slot(_disconnected, sessionId).Task.Within();

    private static TaskCompletionSource<Client> Slot(ConcurrentDictionary<string, TaskCompletionSource<Client>> slots, string sessionId) =>
        slots.GetOrAdd(sessionId, _ => new TaskCompletionSource<Client>(TaskCreationOptions.RunContinuationsAsynchronously));
}
