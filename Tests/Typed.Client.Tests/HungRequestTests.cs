using System.Globalization;

namespace Typed.Client.Tests;

/// <summary>
/// An HTTP request that the network accepts and never answers (a hung proxy, a dead NAT entry),
/// with the server's and the client's own timing: an upload that hangs is given up and what it
/// carried goes again, on every HTTP transport; a poll that hangs, and attempts to reattach that
/// hang, on every transport, are given up soon enough that the server still holds the session.
/// Nothing is lost, repeated or reordered, and the session survives.
/// </summary>
public sealed class HungRequestTests(Xunit.Abstractions.ITestOutputHelper output)
{
    // What a poll that hangs costs with the defaults: the silence a live poll may keep (20 s) and
    // a margin, then a reattachment that may hang too (bounded by the connect timeout); the
    // server's session outlives that. The waits are generous on top.
    private static readonly TimeSpan HungPollRecovery = TimeSpan.FromSeconds(90);

    // Hung attempts to reattach in a row that the session must outlive, with the defaults: each
    // is given up after a fifth of the session's timeout, with short waits between them.
    private const int HungReattachments = 3;

    public static TheoryData<string> Transports() => [.. TransportNames.All];

    public static TheoryData<string> HttpTransports() =>
        [TransportNames.ServerEvents, TransportNames.HtmlFile, TransportNames.XhrMultipart, TransportNames.XhrPolling];

    [Theory]
    [MemberData(nameof(HttpTransports))]
    public async Task An_upload_accepted_and_never_answered_delays_messages_but_loses_none(string transport)
    {
        var atServer = new ReceivedMessages();
        await using var server = await SocketServerHost.StartAsync(ClientTransportTests.AnyOrigin, atServer.Record);
        await using var proxy = FaultyTcpProxy.Start(server.BaseUri);
        var log = new TimedLog();
        await using var client = new ClientProbe(proxy.BaseUri, TimedLog.DefaultTiming(transport, server, log));
        try
        {
            await client.Socket.ConnectAsync().Within();
            var sessionId = client.Socket.SessionId!;
            await server.Events.ConnectedAsync(sessionId);
            await SendAsync(client, 0, 50);
            await Wait.UntilAsync(() => atServer.Count >= 50, "the first messages have arrived");

            var upload = $"POST /socket.io/{transport}/{sessionId}/send ";
            proxy.SwallowNext(line => line.StartsWith(upload, StringComparison.Ordinal));
            log.Note("aimed at the next upload");
            await SendAsync(client, 50, 100);
            await Wait.UntilAsync(() => proxy.Swallowed == 1, "an upload has been swallowed");
            log.Note("an upload hangs");

            // Sent while the upload hangs, then after the client has got over it.
            await SendAsync(client, 100, 150);
            await Wait.UntilAsync(() => atServer.Count >= 150, "the messages held up behind the hung upload have arrived");
            log.Note("the messages held up have arrived");
            await SendAsync(client, 150, 200);
            await Wait.UntilAsync(() => atServer.Count >= 200, "the messages sent afterwards have arrived");
            await client.Socket.FlushAsync().Within();

            Assert.Equal(Numbers(0, 200), atServer.Snapshot());

            Assert.Equal(1, proxy.Swallowed);
            Assert.Equal(0, client.Expired);
            Assert.Equal(sessionId, client.Socket.SessionId);
            Assert.Equal(0, server.Events.DisconnectCount(sessionId));
        }
        finally
        {
            log.WriteTo(output);
        }
    }

    /// <summary>
    /// The network drops every connection, and the first attempts to reattach the session are
    /// accepted and never answered: each is given up soon enough that the next still finds the
    /// session, and what both sides sent meanwhile arrives.
    /// </summary>
    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_reconnection_whose_first_attempts_hang_still_finds_the_session(string transport)
    {
        var atServer = new ReceivedMessages();
        await using var server = await SocketServerHost.StartAsync(ClientTransportTests.AnyOrigin, atServer.Record);
        await using var proxy = FaultyTcpProxy.Start(server.BaseUri);
        var log = new TimedLog();
        await using var client = new ClientProbe(proxy.BaseUri, TimedLog.DefaultTiming(transport, server, log));
        var received = new ReceivedMessages();
        received.Record(client.Socket);
        client.Socket.Reconnected += () => log.Note("reattached");
        try
        {
            await client.Socket.ConnectAsync().Within();
            var sessionId = client.Socket.SessionId!;
            var session = await server.Events.ConnectedAsync(sessionId);
            server.Listener.ClientDisconnected += ended => log.Note($"the server ended session {ended.SessionId}");
            await Task.WhenAll(SendAsync(client, 0, 10), PushAsync(session, 0, 10, TimeSpan.FromMilliseconds(10)));
            await Wait.UntilAsync(() => atServer.Count >= 10 && received.Count >= 10, "the first messages have arrived both ways");

            // A reattachment opens the downstream (a stream, an upgrade, a poll) with the session id.
            var downstream = $"GET /socket.io/{transport}/{sessionId}";
            for (var i = 0; i < HungReattachments; i++)
            {
                proxy.SwallowNext(line => line.StartsWith(downstream, StringComparison.Ordinal));
            }

            proxy.CutAll();
            log.Note($"every connection cut; the next {HungReattachments} downstream requests will hang");
            await Task.WhenAll(SendAsync(client, 10, 30), PushAsync(session, 10, 30, TimeSpan.FromMilliseconds(10)));
            await Wait.UntilAsync(
                () => (atServer.Count >= 30 && received.Count >= 30) || client.Expired > 0 || server.Events.DisconnectCount(sessionId) > 0,
                "the messages sent meanwhile have arrived both ways, or the session is lost",
                HungPollRecovery);
            log.Note($"{proxy.Swallowed} swallowed, {atServer.Count} at the server, {received.Count} received, {client.Expired} expired, {server.Events.DisconnectCount(sessionId)} ended at the server");
            Assert.True(server.Events.DisconnectCount(sessionId) == 0, "the server kept the session");
            Assert.True(client.Expired == 0, "the client kept its session");
            await client.Socket.FlushAsync().Within();

            Assert.Equal(HungReattachments, proxy.Swallowed);
            Assert.Equal(Numbers(0, 30), atServer.Snapshot());

            Assert.Equal(Numbers(0, 30), received.Snapshot());

            Assert.Equal(sessionId, client.Socket.SessionId);
        }
        finally
        {
            log.WriteTo(output);
        }
    }

    [Fact]
    public async Task A_poll_accepted_and_never_answered_is_given_up_before_the_session_is() =>
        await HungPollAsync(reattachmentHangsToo: false);

    [Fact]
    public async Task A_hung_poll_whose_replacement_hangs_too_costs_neither_the_session_nor_a_message() =>
        await HungPollAsync(reattachmentHangsToo: true);

    /// <summary>
    /// The server sends while a poll hangs on the way (and, when asked, while the first poll that
    /// replaces it hangs too): everything arrives, once, in order, on the same session.
    /// </summary>
    private async Task HungPollAsync(bool reattachmentHangsToo)
    {
        await using var server = await SocketServerHost.StartEchoAsync(ClientTransportTests.AnyOrigin);
        await using var proxy = FaultyTcpProxy.Start(server.BaseUri);
        var log = new TimedLog();
        await using var client = new ClientProbe(proxy.BaseUri, TimedLog.DefaultTiming(TransportNames.XhrPolling, server, log));
        var received = new ReceivedMessages();
        received.Record(client.Socket);
        try
        {
            await client.Socket.ConnectAsync().Within();
            var sessionId = client.Socket.SessionId!;
            var session = await server.Events.ConnectedAsync(sessionId);
            await PushAsync(session, 0, 10, TimeSpan.FromMilliseconds(10));
            await Wait.UntilAsync(() => received.Count >= 10, "the first messages have arrived");

            var poll = $"GET /socket.io/{TransportNames.XhrPolling}/{sessionId}/";
            proxy.SwallowNext(line => line.StartsWith(poll, StringComparison.Ordinal) && !line.Contains("wait=0", StringComparison.Ordinal));
            if (reattachmentHangsToo)
            {
                // The first poll of the reattachment asks to be answered at once.
                proxy.SwallowNext(line => line.StartsWith(poll, StringComparison.Ordinal) && line.Contains("wait=0", StringComparison.Ordinal));
            }

            log.Note("aimed at the next poll" + (reattachmentHangsToo ? " and at the reattachment's first" : string.Empty));
            await PushAsync(session, 10, 11, TimeSpan.Zero); // answers the poll held now, so the next one goes out
            await Wait.UntilAsync(() => proxy.Swallowed >= 1, "a poll has been swallowed");
            log.Note("a poll hangs");

            // Queued by the server while the poll hangs: half a minute's worth, one at a time.
            await PushAsync(session, 11, 60, TimeSpan.FromMilliseconds(250));
            await Wait.UntilAsync(
                () => received.Count >= 60 || client.Expired > 0 || server.Events.DisconnectCount(sessionId) > 0,
                "the messages sent while the poll hung have arrived, or the session is lost",
                HungPollRecovery);
            log.Note($"{received.Count} received, {client.Expired} expired, {server.Events.DisconnectCount(sessionId)} disconnected at the server");
            Assert.True(server.Events.DisconnectCount(sessionId) == 0, "the server kept the session while the poll hung");
            Assert.True(client.Expired == 0, "the client kept its session");

            await PushAsync(session, 60, 70, TimeSpan.FromMilliseconds(10));
            await Wait.UntilAsync(() => received.Count >= 70, "the messages sent afterwards have arrived");

            Assert.Equal(Numbers(0, 70), received.Snapshot());

            Assert.Equal(reattachmentHangsToo ? 2 : 1, proxy.Swallowed);
            Assert.Equal(0, proxy.AimsPending);
            Assert.Equal(0, client.Expired);
            Assert.Equal(sessionId, client.Socket.SessionId);
            Assert.Equal(0, server.Events.DisconnectCount(sessionId));
        }
        finally
        {
            log.WriteTo(output);
        }
    }

    private static async Task SendAsync(ClientProbe client, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            await client.Socket.SendAsync(Number(i));
            await Task.Delay(10);
        }
    }

    private static async Task PushAsync(Server.Client session, int from, int to, TimeSpan pause)
    {
        for (var i = from; i < to; i++)
        {
            session.Send(Number(i));
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause);
            }
        }
    }

    private static string Number(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<string> Numbers(int from, int to) => Enumerable.Range(from, to - from).Select(Number);
}
