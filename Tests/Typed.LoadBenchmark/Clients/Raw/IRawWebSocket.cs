namespace Typed.LoadBenchmark.Clients.Raw;

/// <summary>
/// A client WebSocket implementation, reduced to what a load client needs: whole text messages
/// out, whole messages in. Two of them (<see cref="FrameworkWebSocket"/>, <see cref="TypedEndWebSocket"/>),
/// so that any server can be driven by either and two servers compared under the same one.
/// </summary>
internal interface IRawWebSocket : IAsyncDisposable
{
    /// <summary>Opens the connection (<c>ws://</c>).</summary>
    Task ConnectAsync(Uri uri);

    /// <summary>Sends one text message.</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> text);

    /// <summary>The next whole message (valid until the next call), or null once the server has closed.</summary>
    ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync();
}
