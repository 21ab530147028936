using System.Net;

namespace Typed.Server.Tests;

public sealed class BatchingTests
{
    [Fact]
    public async Task Messages_sent_between_two_polls_arrive_in_one_frame_in_order()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        using var polling = server.Polling();
        await polling.OpenAsync();
        var client = await server.Events.ConnectedAsync(polling.SessionId);

        for (var i = 1; i <= 5; i++)
        {
            client.Send($"message {i}");
        }

        var frame = await polling.PollAsync();

        Assert.Equal(["message 1", "message 2", "message 3", "message 4", "message 5"], frame.Select(m => m.Text));
    }

    [Theory]
    [InlineData(TransportNames.WebSocket)]
    [InlineData(TransportNames.XhrPolling)]
    public async Task Messages_sent_before_the_handshake_follow_the_session_id_in_the_first_frame(string transport)
    {
        await using var server = await SocketServerHost.StartAsync(setup: listener => listener.ClientConnecting += client =>
        {
            client.Send("welcome");
            client.Send(Message.FromJson("{\"members\":3}"));
        });

        IReadOnlyList<Message> afterHandshake;
        if (transport == TransportNames.WebSocket)
        {
            await using var socket = await server.WebSocketAsync();
            afterHandshake = await socket.HandshakeAsync();
        }
        else
        {
            using var polling = server.Polling();
            afterHandshake = await polling.OpenAsync();
        }

        Assert.Equal(["\"welcome\"", "{\"members\":3}"], afterHandshake.Select(m => m.ToJsonString()));
    }

    [Fact]
    public async Task A_held_poll_is_answered_as_soon_as_there_is_a_message()
    {
        // Held for a minute when idle: only the message can answer it within the test's wait.
        await using var server = await SocketServerHost.StartEchoAsync(o =>
            o.TransportOptions[TransportNames.XhrPolling] = new TransportOptions { Duration = TimeSpan.FromMinutes(1) });
        using var polling = server.Polling();
        await polling.OpenAsync();
        var client = await server.Events.ConnectedAsync(polling.SessionId);

        var poll = polling.PollAsync();
        await Wait.UntilAsync(() => client.Connections == 2, "the poll is held by the server");
        client.Send("now");

        Assert.Equal("now", Assert.Single(await poll.Within()).Text);
    }

    [Fact]
    public async Task An_idle_poll_ends_with_an_empty_200_after_the_duration()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o =>
            o.TransportOptions[TransportNames.XhrPolling] = new TransportOptions { Duration = TimeSpan.FromMilliseconds(200) });
        using var polling = server.Polling();
        await polling.OpenAsync();

        using var response = await polling.PollRawAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(0, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task An_idle_poll_ends_without_an_exception()
    {
        // The idle poll is the transport's heartbeat, as common as polls get: its end is no error.
        var thrown = new List<string>();
        void Seen(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            // Raised on the throwing thread, before the exception has a stack of its own.
            if (e.Exception is TimeoutException or OperationCanceledException && Environment.StackTrace.Contains(nameof(Transports.XhrPollingTransport), StringComparison.Ordinal))
            {
                lock (thrown)
                {
                    thrown.Add(e.Exception.GetType().Name);
                }
            }
        }

        await using var server = await SocketServerHost.StartEchoAsync(o =>
            o.TransportOptions[TransportNames.XhrPolling] = new TransportOptions { Duration = TimeSpan.FromMilliseconds(50) });
        using var polling = server.Polling();
        await polling.OpenAsync();
        AppDomain.CurrentDomain.FirstChanceException += Seen;
        try
        {
            for (var i = 0; i < 3; i++)
            {
                using var response = await polling.PollRawAsync();
                Assert.Equal(0, response.Content.Headers.ContentLength);
            }
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Seen;
        }

        lock (thrown)
        {
            Assert.Empty(thrown);
        }
    }

    [Fact]
    public async Task Messages_in_one_payload_reach_the_application_in_order()
    {
        var received = new List<string>();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await SocketServerHost.StartAsync(setup: listener => listener.ClientMessage += (_, message) =>
        {
            lock (received)
            {
                received.Add(message.Text);
                if (received.Count == 100)
                {
                    all.TrySetResult();
                }
            }
        });
        await using var socket = await server.WebSocketAsync();
        await socket.HandshakeAsync();

        await socket.SendAsync([.. Enumerable.Range(0, 100).Select(i => Message.FromText(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
        await all.Task.Within();

        Assert.Equal(Enumerable.Range(0, 100).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), received);
    }
}
