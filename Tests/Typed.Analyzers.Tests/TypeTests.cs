using Microsoft.CodeAnalysis.Testing;
using Typed.Analyzers.Contracts;

namespace Typed.Analyzers.Tests;

/// <summary>TYPED010 to TYPED012: what an event can send and answer with.</summary>
public sealed class TypeTests
{
    [Fact]
    public Task Types_no_codec_can_encode_are_reported() => Verify<EncodableTypeAnalyzer>.DiagnosticsAsync("""
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Threading.Tasks;
        using Typed.Events;

        public sealed class Room { public string Name { get; set; } = ""; }

        public interface IShape { }

        [Events]
        public interface IChat
        {
            void Callback({|TYPED010:Action<string>|} callback);
            void Upload({|TYPED010:Stream|} content);
            void Memory({|TYPED010:MemoryStream|} content);
            void Anything({|TYPED010:object|} value);
            void Shape({|TYPED010:IShape|} shape);
            void Set({|TYPED010:ISet<string>|} names);
            void Grid({|TYPED010:int[,]|} cells);
            void ByNumber({|TYPED010:Dictionary<int, string>|} names);
            void Pair({|TYPED010:(int, string)|} pair);
            void Join({|TYPED010:Room|} room);
            void Rooms({|TYPED010:List<Room>|} rooms);
            {|TYPED010:Task<Room>|} Find(string name);
            {|TYPED010:Task<Stream[]>|} Streams();
        }

        [Events]
        public interface IStore<T>
        {
            void Put({|TYPED010:T|} value);
        }
        """);

    [Fact]
    public Task The_message_names_the_culprit_and_the_way_out() => Verify<EncodableTypeAnalyzer>.DiagnosticsAsync(
        """
        using System.Collections.Generic;
        using System.IO;
        using Typed.Events;

        public sealed class Room { public string Name { get; set; } = ""; }

        [Events]
        public interface IChat
        {
            void Upload({|#0:List<Stream>|} content);

            void Join({|#1:Room|} room);
        }
        """,
        expected:
        [
            new DiagnosticResult(Descriptors.UnencodableType).WithLocation(0).WithArguments(
                "Upload", "parameter 'content'", "System.Collections.Generic.List<System.IO.Stream>",
                "'Stream' is not data that can cross the wire, so send its contents (byte[] for a stream's bytes)"),
            new DiagnosticResult(Descriptors.UnencodableType).WithLocation(1).WithArguments(
                "Join", "parameter 'room'", "Room",
                "name a JsonSerializerContext with [JsonSerializable(typeof(Room))] in [Events(JsonContext = typeof(...))]"),
        ]);

    [Fact]
    public Task Spans_are_ref_structs() => Verify<EncodableTypeAnalyzer>.DiagnosticsAsync(
        """
        using System;
        using Typed.Events;

        [Events]
        public interface IChat
        {
            void Send({|#0:ReadOnlySpan<byte>|} bytes);
        }
        """,
        expected: new DiagnosticResult(Descriptors.UnencodableType).WithLocation(0).WithArguments(
            "Send", "parameter 'bytes'", "System.ReadOnlySpan<byte>",
            "'ReadOnlySpan' is a ref struct, which cannot be stored or serialized, so use an array (byte[] for bytes)"));

    [Fact]
    public Task A_type_the_json_context_does_not_list_is_reported_with_the_attribute_to_add() => Verify<EncodableTypeAnalyzer>.DiagnosticsAsync(
        """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using System.Threading.Tasks;
        using Typed.Events;

        public sealed record Room(string Name);

        public sealed record Person(string Name);

        [JsonSerializable(typeof(Person))]
        internal abstract partial class ChatJson() : JsonSerializerContext(null);

        [Events(JsonContext = typeof(ChatJson))]
        public interface IChat
        {
            void Join(Person who, {|#0:Room|} room);

            {|#1:Task<List<Room>?>|} Rooms();
        }
        """,
        expected:
        [
            new DiagnosticResult(Descriptors.UnencodableType).WithLocation(0).WithArguments("Join", "parameter 'room'", "Room", "add [JsonSerializable(typeof(Room))] to ChatJson"),
            new DiagnosticResult(Descriptors.UnencodableType).WithLocation(1).WithArguments("Rooms", "result", "System.Collections.Generic.List<Room>?", "add [JsonSerializable(typeof(Room))] to ChatJson"),
        ]);

    [Fact]
    public Task Types_reachable_from_a_listed_type_are_covered() => Verify<EncodableTypeAnalyzer>.DiagnosticsAsync("""
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using Typed.Events;

        public sealed record Address(string Street);

        public sealed record Pet(string Name);

        public sealed record Person(string Name, Address Home, List<Pet> Pets);

        [JsonSerializable(typeof(Person))]
        internal abstract partial class ChatJson() : JsonSerializerContext(null);

        [Events(JsonContext = typeof(ChatJson))]
        public interface IChat
        {
            void Move(Person who, Address to, Pet[] pets);
        }
        """);

    [Fact]
    public Task A_json_context_that_is_not_a_serializer_context_is_reported() => Verify<EncodableTypeAnalyzer>.DiagnosticsAsync("""
        using Typed.Events;

        public sealed class NotAContext { }

        [Events(JsonContext = {|TYPED011:typeof(NotAContext)|})]
        public interface IChat
        {
            void Say(string text);
        }
        """);

    [Fact]
    public Task A_cancellation_token_before_the_last_parameter_is_reported() => Verify<CancellationTokenAnalyzer>.DiagnosticsAsync("""
        using System.Threading;
        using System.Threading.Tasks;
        using Typed.Events;

        [Events]
        public interface IChat
        {
            Task<string> Slow({|TYPED012:CancellationToken|} cancellationToken, int milliseconds);

            void Twice({|TYPED012:CancellationToken|} first, CancellationToken second);

            Task<string> Fine(int milliseconds, CancellationToken cancellationToken);
        }
        """);

    [Fact]
    public Task A_misplaced_token_is_not_also_called_unencodable() => Verify<EncodableTypeAnalyzer>.DiagnosticsAsync("""
        using System.Threading;
        using Typed.Events;

        [Events]
        public interface IChat
        {
            void Slow(CancellationToken cancellationToken, int milliseconds);
        }
        """);

    [Fact]
    public Task A_clean_contract_has_no_type_problems() => Task.WhenAll(
        Verify<EncodableTypeAnalyzer>.DiagnosticsAsync(Gallery.Contracts),
        Verify<CancellationTokenAnalyzer>.DiagnosticsAsync(Gallery.Contracts),
        Verify<ReturnTypeAnalyzer>.DiagnosticsAsync(Gallery.Contracts));
}
