using Microsoft.AspNetCore.Http.Connections;
using Typed.LoadBenchmark.Clients.Raw;
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
    public static ILoadConnection Create(Contestant contestant, Channel channel, Uri server) => contestant switch
    {
        Contestant.Typed or Contestant.Baseline => new TypedConnection(server, channel switch
        {
            Channel.WebSocket => TransportNames.WebSocket,
            Channel.LongPolling => TransportNames.XhrPolling,
            _ => TransportNames.ServerEvents,
        }),
        Contestant.SignalR => new SignalRConnection(server, channel switch
        {
            Channel.WebSocket => HttpTransportType.WebSockets,
            Channel.LongPolling => HttpTransportType.LongPolling,
            _ => HttpTransportType.ServerSentEvents,
        }),
        Contestant.TypedPlain or Contestant.BaselinePlain => new WebSocketLoadConnection(server, new FrameworkWebSocket(), Legacy2010Framing.Instance),
        Contestant.BareTypedEnd => new WebSocketLoadConnection(server, new TypedEndWebSocket(), BareFraming.Instance),
        _ => new WebSocketLoadConnection(server, new FrameworkWebSocket(), BareFraming.Instance),
    };

    /// <summary>
    /// Opens <paramref name="count"/> connections, a few at a time, as a crowd of clients would.
    /// From a thousand on (or when <paramref name="many"/>), SignalR's skip the negotiation, whose connection each client's own HTTP
    /// client would otherwise keep open (two open files a client, past a process's limit at ten thousand).
    /// </summary>
    public static Task<ILoadConnection[]> OpenAsync(Contestant contestant, Channel channel, Uri server, int count, bool many = false) =>
        OpenAsync(count, () => contestant == Contestant.SignalR && channel == Channel.WebSocket && (many || count >= 1000) ? new SignalRConnection(server, HttpTransportType.WebSockets, skipNegotiation: true) : Create(contestant, channel, server), c => c.ConnectAsync());

    /// <summary>The WebSocket connections of our <c>Socket</c> or SignalR's client, by the thousand (see <see cref="OpenAsync(Contestant, Channel, Uri, int, bool)"/>).</summary>
    public static Task<ILoadConnection[]> OpenManyAsync(ServerKind kind, Uri server, int count) =>
        OpenAsync(kind == ServerKind.SignalR ? Contestant.SignalR : Contestant.Typed, Channel.WebSocket, server, count, many: true);

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
