using System.Collections.Concurrent;

namespace Typed.Client;

/// <summary>Remembers which transport worked for a server, the 2010 client's <c>socket.io</c> cookie.</summary>
public interface ITransportMemory
{
    /// <summary>The transport that last connected to <paramref name="server"/>, or null; one the socket is not set to try is passed over.</summary>
    string? Recall(Uri server);

    /// <summary>
    /// Records that <paramref name="transport"/> connected to <paramref name="server"/>. Called after each
    /// connection, and one memory may serve many sockets at once, so implementations must be thread-safe.
    /// </summary>
    void Remember(Uri server, string transport);
}

/// <summary>Remembers transports for the life of the process.</summary>
public sealed class TransportMemory : ITransportMemory
{
    private readonly ConcurrentDictionary<string, string> _transports = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The memory every socket uses unless <see cref="SocketOptions.TransportMemory"/> names another.</summary>
    public static TransportMemory Shared { get; } = new();

    /// <inheritdoc/>
    public string? Recall(Uri server) => _transports.GetValueOrDefault(Key(server));

    /// <inheritdoc/>
    public void Remember(Uri server, string transport) => _transports[Key(server)] = transport;

    /// <summary>
    /// Forgets the transport remembered for <paramref name="server"/>. A socket remembers under the
    /// server's root (<c>http://host:port/</c>), whatever path it was given, so pass that.
    /// </summary>
    public void Forget(Uri server) => _transports.TryRemove(Key(server), out _);

    private static string Key(Uri server) => server.GetLeftPart(UriPartial.Path);
}
