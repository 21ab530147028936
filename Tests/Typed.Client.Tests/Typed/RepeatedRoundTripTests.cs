using System.Threading.Channels;
using Typed.TestContracts;

namespace Typed.Client.Tests.Typed;

/// <summary>
/// A small app's round trip, many times over on every transport: a note the server answers with an
/// event, then a question it answers. Every answer must arrive, not most of them.
/// </summary>
public sealed class RepeatedRoundTripTests
{
    private const int Rounds = 100;

    // Far above a round trip on a loaded machine, far below the default: a lost answer fails fast.
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(3);

    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Every_fresh_socket_gets_the_answer_to_a_question_asked_as_the_first_event_arrives(string transport)
    {
        // The server greets each client in its handshake frame, so that the first event arrives as
        // the socket opens, which is when the client asks its first question, from another thread.
        await using var server = await GreeterServerAsync(listener => listener.ClientConnecting += client => client.Events<IGreeted>().Noted("welcome"));

        for (var round = 0; round < Rounds; round++)
        {
            await using var client = new GreetingClient(server, transport);
            var first = client.AskAsTheFirstEventArrives($"first {round}");
            await client.Socket.ConnectAsync().Within();

            Assert.Equal("welcome", await client.NotedAsync());
            Assert.Equal($"hello first {round}", await first);
            await client.RoundTripAsync(round);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Every_round_trip_on_one_socket_gets_the_event_back_and_its_answer(string transport)
    {
        await using var server = await GreeterServerAsync();
        await using var client = new GreetingClient(server, transport);
        await client.Socket.ConnectAsync().Within();

        for (var round = 0; round < Rounds * 2; round++)
        {
            await client.RoundTripAsync(round);
        }
    }

    private static Task<SocketServerHost> GreeterServerAsync(Action<Server.Listener>? setup = null) =>
        SocketServerHost.StartAsync(ClientTransportTests.AnyOrigin, listener =>
        {
            listener.Handle<IGreeter, Greeter>();
            setup?.Invoke(listener);
        });

    /// <summary>Notes are answered with an event to their sender, greetings with a string.</summary>
    public sealed class Greeter(Server.Client client) : IGreeter
    {
        public void Note(string text) => client.Events<IGreeted>().Noted(text);

        public Task<string> Greet(string name) => Task.FromResult($"hello {name}");
    }

    private sealed class GreetingClient : IGreeted, IAsyncDisposable
    {
        private readonly Channel<string> _noted = Channel.CreateUnbounded<string>();

        public GreetingClient(SocketServerHost server, string transport)
        {
            var options = ClientProbe.Options(transport);
            options.AnswerTimeout = AnswerTimeout;
            options.FlashPolicyPort = server.FlashPolicyEndPoint!.Port;
            Socket = new Socket(server.BaseUri, options);
            Socket.Handle<IGreeted>(this);
        }

        public Socket Socket { get; }

        private IGreeter Greeter => Socket.Events<IGreeter>();

        public void Noted(string text) => _noted.Writer.TryWrite(text);

        public async Task<string> NotedAsync() => await _noted.Reader.ReadAsync().AsTask().WaitAsync(AnswerTimeout);

        /// <summary>
        /// Asks from a thread-pool thread while the receiving thread is about to hand over the
        /// handshake frame's messages (<see cref="Socket.Opened"/> is raised just before), so that
        /// both touch the socket's answers at once; a slight random stagger lets the rounds sweep
        /// across each other's timing.
        /// </summary>
        public Task<string> AskAsTheFirstEventArrives(string name)
        {
            var asked = new TaskCompletionSource<Task<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
            Socket.Opened += () =>
            {
                var asking = 0;
                ThreadPool.UnsafeQueueUserWorkItem(_ =>
                {
                    Volatile.Write(ref asking, 1);
                    asked.SetResult(Greeter.Greet(name));
                }, null);
                while (Volatile.Read(ref asking) == 0)
                {
                    Thread.SpinWait(1);
                }

                Thread.SpinWait(Random.Shared.Next(50));
            };
            return asked.Task.Unwrap();
        }

        public async Task RoundTripAsync(int round)
        {
            Greeter.Note($"note {round}");
            Assert.Equal($"note {round}", await NotedAsync());
            Assert.Equal($"hello round {round}", await Greeter.Greet($"round {round}"));
        }

        public ValueTask DisposeAsync() => Socket.DisposeAsync();
    }
}
