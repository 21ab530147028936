namespace Typed.LoadBenchmark.Clients.Raw;

/// <summary>What a raw WebSocket client puts around its messages for one kind of server.</summary>
internal interface IWireFraming
{
    /// <summary>Where the WebSocket connects on the server.</summary>
    Uri Endpoint(Uri server);

    /// <summary>Whether the server speaks first (a handshake the client waits for before it counts as connected).</summary>
    bool ServerSpeaksFirst { get; }

    /// <summary>The text message that carries <paramref name="text"/> as one plain message.</summary>
    byte[] Message(string text);

    /// <summary>The text message that asks the server to send <paramref name="text"/> to everyone, if the server can.</summary>
    byte[] Shout(string text);

    /// <summary>How many messages a received WebSocket message holds (none for a heartbeat).</summary>
    int Count(ReadOnlySpan<byte> received);
}
