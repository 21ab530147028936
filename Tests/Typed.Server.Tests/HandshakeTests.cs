using System.Buffers.Text;
using System.Collections.Concurrent;

namespace Typed.Server.Tests;

public sealed class HandshakeTests
{
    [Fact]
    public async Task A_new_websocket_session_receives_its_session_id_first()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var socket = await server.WebSocketAsync();

        var rest = await socket.HandshakeAsync();

        Assert.Empty(rest);
        AssertUnguessable(socket.SessionId);
        var client = await server.Events.ConnectedAsync(socket.SessionId);
        Assert.Equal(TransportNames.WebSocket, client.Transport);
    }

    [Theory]
    [InlineData("/socket.io/xhr-polling//1289345738670")]
    [InlineData("/socket.io/xhr-polling")]
    [InlineData("/socket.io/xhr-polling/")]
    public async Task A_new_polling_session_receives_its_session_id_first(string path)
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        using var polling = server.Polling();

        var rest = await polling.OpenAsync(path);

        Assert.Empty(rest);
        AssertUnguessable(polling.SessionId);
        await server.Events.ConnectedAsync(polling.SessionId);
    }

    [Fact]
    public async Task A_connected_client_is_indexed_by_its_session_id()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var socket = await server.WebSocketAsync();
        await socket.HandshakeAsync();

        var client = await server.Events.ConnectedAsync(socket.SessionId);

        Assert.Same(client, server.Listener.ClientsIndex[socket.SessionId]);
        Assert.Contains(client, server.Listener.Clients);
        Assert.True(client.Connected);
        Assert.Equal(1, client.Connections);
    }

    [Fact]
    public async Task Session_ids_of_ten_thousand_sessions_are_unique_url_safe_and_look_uniformly_random()
    {
        const int sessions = 10_000;
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Timeout = TimeSpan.FromSeconds(2));
        var ids = new ConcurrentBag<string>();

        await Parallel.ForAsync(0, sessions, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
        {
            using var polling = server.Polling();
            await polling.OpenAsync();
            ids.Add(polling.SessionId);
        });

        Assert.Equal(sessions, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[A-Za-z0-9_-]{24}$", id));
        var decoded = ids.Select(id => Base64Url.DecodeFromChars(id)).ToArray();
        Assert.All(decoded, bytes => Assert.Equal(18, bytes.Length));

        // A counter, a clock or a weak generator shows in these long before anyone guesses an id.
        var bitShares = RandomnessChecks.ShareOfOnesPerBit(decoded);
        Assert.All(bitShares, share => Assert.InRange(share, 0.47, 0.53));
        Assert.InRange(RandomnessChecks.ByteChiSquare(decoded), 0, RandomnessChecks.ByteChiSquareBound);
        Assert.InRange(RandomnessChecks.MeanBitsDifferingFromTheNext(decoded), 71, 73);
    }

    private static void AssertUnguessable(string sessionId)
    {
        Assert.Matches("^[A-Za-z0-9_-]+$", sessionId);
        var bits = Base64Url.DecodeFromChars(sessionId).Length * 8;
        Assert.True(bits >= 128, $"a session id carries {bits} bits");
    }
}
