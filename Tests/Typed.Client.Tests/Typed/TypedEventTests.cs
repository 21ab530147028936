using Typed.Events;
using Typed.TestContracts;

namespace Typed.Client.Tests.Typed;

/// <summary>Typed events between the server and the .NET client over real sockets, on every transport.</summary>
public sealed class TypedEventTests
{
    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task An_event_from_a_client_is_handled_and_broadcast_to_the_others(string transport)
    {
        await using var server = await ChatServerAsync();
        await using var ana = await ChatClientAsync(server, transport, "ana");
        await using var bob = await ChatClientAsync(server, transport, "bob");

        ana.Probe.Socket.Events<IChatServer>().Say("hello");

        Assert.Equal($"{ana.Probe.Socket.SessionId}: hello", await bob.View.NextAsync());
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Answers_come_back_both_ways(string transport)
    {
        await using var server = await ChatServerAsync();
        await using var ana = await ChatClientAsync(server, transport, "ana");
        var session = await server.Events.ConnectedAsync(ana.Probe.Socket.SessionId!);

        var members = await ana.Probe.Socket.Events<IChatServer>().Join("lobby").Within();
        var name = await session.Events<IChatClient>().WhoAreYou().Within();

        Assert.Equal(1, members);
        Assert.Equal("ana", name);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_remote_error_meant_for_the_caller_arrives_with_its_message_and_without_the_remote_stack(string transport)
    {
        await using var server = await ChatServerAsync();
        await using var ana = await ChatClientAsync(server, transport, "ana");

        var error = await Assert.ThrowsAsync<RemoteEventException>(() => ana.Probe.Socket.Events<IChatServer>().Refuse("no such room").Within());

        Assert.Equal("no such room", error.RemoteMessage);
        Assert.Equal("Refuse", error.EventName);
        Assert.DoesNotContain("ChatHandler", error.Message, StringComparison.Ordinal);
        Assert.Contains(server.Logs.Entries, e => e.Exception?.Message == "no such room");
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task An_answer_that_does_not_come_in_time_is_a_timeout(string transport)
    {
        await using var server = await ChatServerAsync();
        var options = ClientProbe.Options(transport);
        options.AnswerTimeout = TimeSpan.FromMilliseconds(200);
        await using var client = await ClientProbe.ConnectAsync(server, options);

        await Assert.ThrowsAsync<TimeoutException>(() => client.Socket.Events<IChatServer>().Slow(60_000, CancellationToken.None).Within());
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Waiting_for_an_answer_can_be_cancelled(string transport)
    {
        await using var server = await ChatServerAsync();
        await using var client = await ClientProbe.ConnectAsync(server, ClientProbe.Options(transport));
        using var cancel = new CancellationTokenSource();

        var waiting = client.Socket.Events<IChatServer>().Slow(60_000, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.Within());
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Typed_and_plain_messages_on_one_connection_keep_their_order(string transport)
    {
        var arrived = new List<string>();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await SocketServerHost.StartAsync(ClientTransportTests.AnyOrigin, listener =>
        {
            listener.Handle<IChatServer, RecordingHandler>();
            listener.ClientMessage += (_, message) => Record(message.ToString());
        }, services: builder => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(builder.Services, (Action<string>)Record));
        await using var client = await ClientProbe.ConnectAsync(server, ClientProbe.Options(transport));
        var chat = client.Socket.Events<IChatServer>();

        for (var i = 0; i < 20; i++)
        {
            chat.Say($"typed {i}");
            await client.Socket.SendAsync($"plain {i}");
        }

        await all.Task.Within();
        Assert.Equal(Enumerable.Range(0, 20).SelectMany(i => new[] { $"typed {i}", $"plain {i}" }), arrived);

        void Record(string text)
        {
            lock (arrived)
            {
                arrived.Add(text);
                if (arrived.Count == 40)
                {
                    all.TrySetResult();
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_plain_string_that_looks_like_an_event_stays_a_plain_string(string transport)
    {
        const string lookalike = "{\"event\":\"Say\",\"args\":[\"not an event\"]}";
        var plain = new TaskCompletionSource<Message>(TaskCreationOptions.RunContinuationsAsynchronously);
        var typed = 0;
        await using var server = await SocketServerHost.StartAsync(ClientTransportTests.AnyOrigin, listener =>
        {
            listener.Handle<IChatServer, CountingHandler>();
            listener.ClientMessage += (_, message) => plain.TrySetResult(message);
        }, services: builder => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(builder.Services, (Action)(() => Interlocked.Increment(ref typed))));
        await using var client = await ClientProbe.ConnectAsync(server, ClientProbe.Options(transport));

        await client.Socket.SendAsync(lookalike);

        Assert.Equal(lookalike, (await plain.Task.Within()).Text);
        Assert.Equal(0, typed);
    }

    [Fact]
    public async Task An_event_is_known_by_its_members_in_any_order_and_not_when_it_is_nested_in_another_object()
    {
        var plain = System.Threading.Channels.Channel.CreateUnbounded<Message>();
        await using var server = await SocketServerHost.StartAsync(ClientTransportTests.AnyOrigin, listener =>
        {
            listener.Handle<IChatServer, ChatHandler>();
            listener.ClientMessage += (_, message) => plain.Writer.TryWrite(message);
        });
        await using var bob = await ChatClientAsync(server, TransportNames.WebSocket, "bob");
        await using var ana = await ClientProbe.ConnectAsync(server, ClientProbe.Options(TransportNames.WebSocket));

        await ana.Socket.SendAsync(Message.FromJson("{\"args\":[\"reordered\"],\"event\":\"Say\"}"));
        await ana.Socket.SendAsync(Message.FromJson("{\"note\":{\"event\":\"Say\",\"args\":[\"nested\"]}}"));

        Assert.Equal($"{ana.Socket.SessionId}: reordered", await bob.View.NextAsync());
        Assert.Equal("{\"note\":{\"event\":\"Say\",\"args\":[\"nested\"]}}", (await plain.Reader.ReadAsync().AsTask().Within()).ToJsonString());
    }

    [Fact]
    public async Task A_handlers_scoped_services_get_the_client_whose_event_it_handles_even_after_an_await()
    {
        await using var server = await SocketServerHost.StartAsync(
            ClientTransportTests.AnyOrigin,
            listener => listener.Handle<IChatServer, ScopedChatHandler>(),
            services: builder => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddScoped<SessionNote>(builder.Services));
        await using var ana = await ClientProbe.ConnectAsync(server, ClientProbe.Options(TransportNames.WebSocket));
        await using var bob = await ClientProbe.ConnectAsync(server, ClientProbe.Options(TransportNames.XhrPolling));

        var anaAnswer = ana.Socket.Events<IChatServer>().Slow(20, CancellationToken.None);
        var bobAnswer = bob.Socket.Events<IChatServer>().Slow(20, CancellationToken.None);

        Assert.Equal($"{ana.Socket.SessionId}|{ana.Socket.SessionId}", await anaAnswer.Within());
        Assert.Equal($"{bob.Socket.SessionId}|{bob.Socket.SessionId}", await bobAnswer.Within());
    }

    [Fact]
    public async Task A_socket_hands_out_one_sender_per_contract()
    {
        await using var socket = new Socket(new Uri("http://127.0.0.1:1/"));

        Assert.Same(socket.Events<IChatServer>(), socket.Events<IChatServer>());
    }

    [Fact]
    public async Task An_object_from_a_client_that_knows_nothing_of_events_reaches_the_plain_handler()
    {
        var plain = new TaskCompletionSource<Message>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await SocketServerHost.StartAsync(ClientTransportTests.AnyOrigin, listener =>
        {
            listener.Handle<IChatServer, ChatHandler>();
            listener.ClientMessage += (_, message) => plain.TrySetResult(message);
        });
        await using var client = await ClientProbe.ConnectAsync(server, ClientProbe.Options(TransportNames.XhrPolling));

        await client.Socket.SendAsync(Message.FromJson("{\"a\":1}"));
        await client.Socket.SendAsync(Message.FromJson("{\"event\":\"NotAnEventOfOurs\",\"args\":[]}"));

        Assert.Equal("{\"a\":1}", (await plain.Task.Within()).ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_typed_broadcast_reaches_everyone_but_the_excepted(string transport)
    {
        await using var server = await ChatServerAsync();
        await using var ana = await ChatClientAsync(server, transport, "ana");
        await using var bob = await ChatClientAsync(server, transport, "bob");
        await using var cid = await ChatClientAsync(server, transport, "cid");

        server.Listener.Events<IChatClient>(bob.Probe.Socket.SessionId!).Joined("dan", 4);
        server.Listener.Events<IChatClient>().Joined("eve", 5);

        Assert.Equal("dan joined (4)", await ana.View.NextAsync());
        Assert.Equal("dan joined (4)", await cid.View.NextAsync());
        Assert.Equal("eve joined (5)", await bob.View.NextAsync());
        Assert.Equal("eve joined (5)", await ana.View.NextAsync());
    }

    [Fact]
    public async Task A_connections_sender_is_made_once_on_either_side()
    {
        await using var server = await ChatServerAsync();
        await using var ana = await ChatClientAsync(server, TransportNames.WebSocket, "ana");
        var session = await server.Events.ConnectedAsync(ana.Probe.Socket.SessionId!);

        Assert.Same(session.Events<IChatClient>(), session.Events<IChatClient>());
        Assert.Same(ana.Probe.Socket.Events<IChatServer>(), ana.Probe.Socket.Events<IChatServer>());
        Assert.Equal("ana", await session.Events<IChatClient>().WhoAreYou().Within());
    }

    [Fact]
    public async Task A_broadcast_cannot_wait_for_an_answer()
    {
        await using var server = await ChatServerAsync();

        // The mistake TYPED015 reports at compile time, made on purpose: the runtime refuses it too.
#pragma warning disable TYPED015
        await Assert.ThrowsAsync<NotSupportedException>(() => server.Listener.Events<IChatClient>().WhoAreYou());
#pragma warning restore TYPED015
    }

    internal static Task<SocketServerHost> ChatServerAsync() =>
        SocketServerHost.StartAsync(ClientTransportTests.AnyOrigin, listener => listener.Handle<IChatServer, ChatHandler>());

    internal static async Task<ChatClient> ChatClientAsync(SocketServerHost server, string transport, string name)
    {
        var options = ClientProbe.Options(transport);
        var view = new ChatView(name);
        options.FlashPolicyPort = server.FlashPolicyEndPoint!.Port;
        var probe = new ClientProbe(server.BaseUri, options);
        probe.Socket.Handle<IChatClient>(view);
        await probe.Socket.ConnectAsync().Within();
        await server.Events.ConnectedAsync(probe.Socket.SessionId!);
        return new ChatClient(probe, view);
    }

    internal sealed record ChatClient(ClientProbe Probe, ChatView View) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Probe.DisposeAsync();
    }

    /// <summary>Records each typed message it handles, through a recorder the test registered.</summary>
    public sealed class RecordingHandler(Action<string> record) : IChatServer
    {
        public void Say(string text) => record(text);

        public Task<int> Join(string room) => Task.FromResult(0);

        public Task<int> Fail(string message) => Task.FromResult(0);

        public Task<int> Refuse(string reason) => Task.FromResult(0);

        public Task<string> Slow(int milliseconds, CancellationToken cancellationToken) => Task.FromResult("");
    }

    /// <summary>Counts the typed messages it handles.</summary>
    public sealed class CountingHandler(Action count) : IChatServer
    {
        public void Say(string text) => count();

        public Task<int> Join(string room) => Task.FromResult(0);

        public Task<int> Fail(string message) => Task.FromResult(0);

        public Task<int> Refuse(string reason) => Task.FromResult(0);

        public Task<string> Slow(int milliseconds, CancellationToken cancellationToken) => Task.FromResult("");
    }
}
