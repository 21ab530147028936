using Microsoft.AspNetCore.Http.Connections;
using Typed.LoadBenchmark.Servers;

namespace Typed.LoadBenchmark.Clients;

/// <summary>The transports compared, and the connection of each server kind that uses one.</summary>
public enum Channel
{
    WebSocket,
    LongPolling,
    ServerSentEvents,
}

public static class Connections
{
    public static ILoadConnection Create(ServerKind kind, Channel channel, Uri server) => kind switch
    {
        ServerKind.Typed or ServerKind.Baseline => new TypedConnection(server, channel switch
        {
            Channel.WebSocket => TransportNames.WebSocket,
            Channel.LongPolling => TransportNames.XhrPolling,
            _ => TransportNames.ServerEvents,
        }),
        ServerKind.SignalR => new SignalRConnection(server, channel switch
        {
            Channel.WebSocket => HttpTransportType.WebSockets,
            Channel.LongPolling => HttpTransportType.LongPolling,
            _ => HttpTransportType.ServerSentEvents,
        }),
        _ => new BareConnection(server),
    };

    /// <summary>Opens <paramref name="count"/> connections, a few at a time, as a crowd of clients would.</summary>
    public static Task<ILoadConnection[]> OpenAsync(ServerKind kind, Channel channel, Uri server, int count) =>
        OpenAsync(count, () => Create(kind, channel, server), c => c.ConnectAsync());

    /// <summary>
    /// Opens <paramref name="count"/> WebSocket connections that one process holds by the thousand:
    /// as <see cref="OpenAsync(ServerKind, Channel, Uri, int)"/>, but SignalR's skip the negotiation,
    /// whose connection each client's own HTTP client would otherwise keep open (two open files a
    /// client, past a process's limit at ten thousand).
    /// </summary>
    public static Task<ILoadConnection[]> OpenManyAsync(ServerKind kind, Uri server, int count) =>
        OpenAsync(count, () => kind == ServerKind.SignalR ? new SignalRConnection(server, HttpTransportType.WebSockets, skipNegotiation: true) : Create(kind, Channel.WebSocket, server), c => c.ConnectAsync());

    /// <summary>Makes <paramref name="count"/> connections and connects them, a few at a time, as a crowd of clients would.</summary>
    internal static async Task<T[]> OpenAsync<T>(int count, Func<T> create, Func<T, Task> connect)
    {
        var connections = new T[count];
        using var gate = new SemaphoreSlim(32);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                connections[i] = create();
                await connect(connections[i]);
            }
            finally
            {
                gate.Release();
            }
        }));
        return connections;
    }

    public static async Task CloseAsync(IEnumerable<IAsyncDisposable> connections) =>
        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
}
