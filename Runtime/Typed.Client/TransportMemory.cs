using System.Collections.Concurrent;

namespace Typed.Client;

/// <summary>Remembers which transport worked for a server, the 2010 client's <c>socket.io</c> cookie.</summary>
public interface ITransportMemory
{
    string? Recall(Uri server);

    void Remember(Uri server, string transport);
}

/// <summary>Remembers transports for the life of the process.</summary>
public sealed class TransportMemory : ITransportMemory
{
    private readonly ConcurrentDictionary<string, string> _transports = new(StringComparer.OrdinalIgnoreCase);

    public static TransportMemory Shared { get; } = new();

    public string? Recall(Uri server) => _transports.GetValueOrDefault(Key(server));

    public void Remember(Uri server, string transport) => _transports[Key(server)] = transport;

    public void Forget(Uri server) => _transports.TryRemove(Key(server), out _);

    private static string Key(Uri server) => server.GetLeftPart(UriPartial.Path);
}
