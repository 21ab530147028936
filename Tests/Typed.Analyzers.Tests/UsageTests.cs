using Microsoft.CodeAnalysis.Testing;
using Typed.Analyzers.CodeFixes;
using Typed.Analyzers.Usage;

namespace Typed.Analyzers.Tests;

/// <summary>TYPED013 to TYPED015: the contracts given to the runtime, and what is sent to many clients (broadcasts, users, rooms).</summary>
public sealed class UsageTests
{
    private const string Contracts = """
        using System.Threading.Tasks;
        using Typed.Events;

        [Events]
        public interface IChat
        {
            void Say(string text);

            Task Leave();

            Task<int> Join(string room);

            ValueTask<string> Name();
        }

        public interface IPlain
        {
            void Say(string text);
        }

        public sealed class ChatHandler : IChat
        {
            public void Say(string text) { }
            public Task Leave() => Task.CompletedTask;
            public Task<int> Join(string room) => Task.FromResult(1);
            public ValueTask<string> Name() => new("x");
        }

        public sealed class PlainHandler : IPlain
        {
            public void Say(string text) { }
        }
        """;

    [Fact]
    public Task Interfaces_without_events_are_reported_at_every_entry_point() => Verify<ContractTypeArgumentAnalyzer>.DiagnosticsAsync(
    [
        Contracts,
        """
        using Typed.Client;
        using Typed.Server;

        public static class Uses
        {
            public static void Run(Listener listener, Client client, Socket socket)
            {
                listener.Handle<{|TYPED013:IPlain|}, PlainHandler>();
                listener.Events<{|TYPED013:IPlain|}>().Say("all");
                client.Events<{|TYPED013:IPlain|}>().Say("one");
                client.Broadcast<{|TYPED013:IPlain|}>().Say("others");
                socket.Events<{|TYPED013:IPlain|}>().Say("server");
                socket.Handle<{|TYPED013:IPlain|}>(new PlainHandler());
                socket.{|TYPED013:Handle|}((IPlain)new PlainHandler());
                socket.Events<{|TYPED013:System.IDisposable|}>();
            }
        }
        """,
    ]);

    [Fact]
    public Task Classes_are_not_contracts() => Verify<ContractTypeArgumentAnalyzer>.DiagnosticsAsync(
        [
            Contracts,
            """
            using Typed.Client;
            using Typed.Server;

            public static class Uses
            {
                public static void Run(Listener listener, Socket socket)
                {
                    listener.Handle<{|#0:ChatHandler|}, ChatHandler>();
                    socket.Events<{|#1:string|}>();
                }
            }
            """,
        ],
        expected:
        [
            new DiagnosticResult(Typed.Analyzers.Descriptors.NotAnInterface).WithLocation(0).WithArguments("ChatHandler", "Handle"),
            new DiagnosticResult(Typed.Analyzers.Descriptors.NotAnInterface).WithLocation(1).WithArguments("string", "Events"),
        ]);

    [Fact]
    public Task The_fix_marks_the_interface_where_it_is_declared() => Verify<ContractTypeArgumentAnalyzer>.FixAsync<AddEventsCodeFix>(
        [
            """
            namespace Chat
            {
                public interface IPlain
                {
                    void Say(string text);
                }
            }
            """,
            """
            using Typed.Client;

            public static class Uses
            {
                public static void Run(Socket socket) => socket.Events<{|TYPED013:Chat.IPlain|}>().Say("x");
            }
            """,
        ],
        [
            """
            using Typed.Events;

            namespace Chat
            {
                [Events]
                public interface IPlain
                {
                    void Say(string text);
                }
            }
            """,
            """
            using Typed.Client;

            public static class Uses
            {
                public static void Run(Socket socket) => socket.Events<Chat.IPlain>().Say("x");
            }
            """,
        ]);

    [Fact]
    public Task The_fix_keeps_a_using_that_is_there() => Verify<ContractTypeArgumentAnalyzer>.FixAsync<AddEventsCodeFix>(
        """
        using Typed.Client;
        using Typed.Events;

        /// <summary>Plain.</summary>
        public interface IPlain
        {
            void Say(string text);
        }

        public static class Uses
        {
            public static void Run(Socket socket) => socket.Events<{|TYPED013:IPlain|}>().Say("x");
        }
        """,
        """
        using Typed.Client;
        using Typed.Events;

        /// <summary>Plain.</summary>
        [Events]
        public interface IPlain
        {
            void Say(string text);
        }

        public static class Uses
        {
            public static void Run(Socket socket) => socket.Events<IPlain>().Say("x");
        }
        """);

    [Fact]
    public Task Answers_through_a_broadcast_are_reported() => Verify<BroadcastAnswerAnalyzer>.DiagnosticsAsync(
    [
        Contracts,
        """
        using System.Threading.Tasks;
        using Typed.Server;

        public static class Uses
        {
            public static async Task Run(Listener listener, Client client)
            {
                await client.Broadcast<IChat>().{|TYPED015:Join|}("x");
                await listener.Events<IChat>().{|TYPED015:Join|}("x");
                await listener.Events<IChat>(client.SessionId).{|TYPED015:Name|}();
                await listener.User("ann").Events<IChat>().{|TYPED015:Join|}("x");
                var everyone = listener.Events<IChat>();
                await everyone.{|TYPED015:Join|}("y");
                IChat others = client.Broadcast<IChat>();
                await others.{|TYPED015:Name|}();
            }
        }
        """,
    ]);

    [Fact]
    public Task The_message_says_where_to_send_it_instead() => Verify<BroadcastAnswerAnalyzer>.DiagnosticsAsync(
        [
            Contracts,
            """
            using Typed.Server;

            public static class Uses
            {
                public static void Run(Client client) => client.Broadcast<IChat>().{|#0:Join|}("x");
            }
            """,
        ],
        expected: new DiagnosticResult(Typed.Analyzers.Descriptors.AnswerFromBroadcast).WithLocation(0).WithArguments("Join", "IChat"));

    [Fact]
    public Task Answers_through_a_room_sender_are_reported() => Verify<BroadcastAnswerAnalyzer>.DiagnosticsAsync(
    [
        Contracts,
        """
        using System.Threading.Tasks;
        using Typed.Server;

        public static class Uses
        {
            public static async Task Run(Listener listener, Client client, string id)
            {
                await listener.To("r").Events<IChat>().{|TYPED015:Join|}("x");
                await listener.To("a", "b").Except(id).Events<IChat>().{|TYPED015:Name|}();
                await client.To("r").Events<IChat>().{|TYPED015:Join|}("x");
                await client.To("a", "b").Except(id).Events<IChat>().{|TYPED015:Name|}();
                var room = listener.To("r");
                await room.Events<IChat>().{|TYPED015:Join|}("y");
                var members = client.To("r").Events<IChat>();
                await members.{|TYPED015:Name|}();
            }
        }
        """,
    ]);

    [Fact]
    public Task Events_without_answers_to_rooms_are_quiet() => Verify<BroadcastAnswerAnalyzer>.DiagnosticsAsync(
    [
        Contracts,
        """
        using System.Threading.Tasks;
        using Typed.Server;

        public static class Uses
        {
            public static async Task Run(Listener listener, Client client, string id)
            {
                listener.To("r").Events<IChat>().Say("x");
                await listener.To("a", "b").Except(id).Events<IChat>().Leave();
                client.To("r").Events<IChat>().Say("x");
                var members = client.To("a", "b").Except(id).Events<IChat>();
                members.Say("y");
                await members.Leave();
            }
        }
        """,
    ]);

    [Fact]
    public Task Broadcasts_without_answers_and_answers_from_one_client_are_quiet() => Verify<BroadcastAnswerAnalyzer>.DiagnosticsAsync(
    [
        Contracts,
        """
        using System.Threading.Tasks;
        using Typed.Client;
        using Typed.Server;

        public static class Uses
        {
            public static async Task Run(Listener listener, Client client, Socket socket)
            {
                client.Broadcast<IChat>().Say("x");
                await listener.Events<IChat>().Leave();
                listener.User("ann", client.SessionId).Events<IChat>().Say("x");
                await client.Events<IChat>().Join("x");
                await socket.Events<IChat>().Join("x");
                var one = client.Events<IChat>();
                await one.Join("y");
                var maybe = client.Broadcast<IChat>();
                maybe = client.Events<IChat>();
                await maybe.Join("z");
            }
        }
        """,
    ]);

    [Fact]
    public Task Contracts_and_uses_of_the_gallery_are_quiet() => Task.WhenAll(
        Verify<ContractTypeArgumentAnalyzer>.DiagnosticsAsync([Gallery.Contracts, Gallery.Uses]),
        Verify<BroadcastAnswerAnalyzer>.DiagnosticsAsync([Gallery.Contracts, Gallery.Uses]));
}
