namespace Typed.Generators.Tests;

/// <summary>The generated source for a gallery of contracts, compared with readable snapshots.</summary>
public sealed class GeneratedSourceTests
{
    [Fact]
    public void One_event()
    {
        var generated = GeneratorHarness.Generate("""
            using Typed.Events;
            namespace Chat;
            [Events]
            public interface IChatServer
            {
                void Say(string text);
            }
            """);

        Snapshot.Match(Assert.Single(generated).Value, "OneEvent", "cs");
    }

    [Fact]
    public void Many_parameters()
    {
        var generated = GeneratorHarness.Generate("""
            using System;
            using Typed.Events;
            namespace Shapes;
            public enum Color { Red, Green }
            [Events]
            public interface IDraw
            {
                void Line(int x1, int y1, int x2, int y2, Color color, double width, bool dashed, string label, Guid id, DateTimeOffset at, TimeSpan lasting, char mark, decimal price, byte[] data);
            }
            """);

        Snapshot.Match(Assert.Single(generated).Value, "ManyParameters", "cs");
    }

    [Fact]
    public void Answers()
    {
        var generated = GeneratorHarness.Generate("""
            using System.Threading;
            using System.Threading.Tasks;
            using Typed.Events;
            namespace Rooms;
            [Events]
            public interface IRooms
            {
                Task<int> Join(string room);
                ValueTask<bool> Leave(string room, CancellationToken cancellationToken);
                Task Ping();
                ValueTask Pong();
            }
            """);

        Snapshot.Match(Assert.Single(generated).Value, "Answers", "cs");
    }

    [Fact]
    public void Records_through_a_serializer_context()
    {
        var generated = GeneratorHarness.Generate("""
            using System.Collections.Generic;
            using System.Text.Json.Serialization;
            using System.Threading.Tasks;
            using Typed.Events;
            namespace People;
            public sealed record Person(string Name, int Age);
            [JsonSerializable(typeof(Person))]
            internal sealed partial class PeopleJson : JsonSerializerContext;
            [Events(JsonContext = typeof(PeopleJson))]
            public interface IPeople
            {
                void Arrived(Person person);
                Task<Person?> Find(string name);
                void Many(List<Person> people, Dictionary<string, Person> byName);
            }
            """,
            GeneratorHarness.SerializerContextBody("People", "PeopleJson"));

        Snapshot.Match(Assert.Single(generated).Value, "RecordsThroughAContext", "cs");
    }

    [Fact]
    public void Collections()
    {
        var generated = GeneratorHarness.Generate("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Typed.Events;
            namespace Lists;
            [Events]
            public interface ILists
            {
                void All(int[] numbers, List<string> names, IReadOnlyList<double> scores, IEnumerable<long> ids, Dictionary<string, int> counts, IReadOnlyDictionary<string, List<bool>> flags);
                Task<List<int[]>> Nested(List<int[]> value);
            }
            """);

        Snapshot.Match(Assert.Single(generated).Value, "Collections", "cs");
    }

    [Fact]
    public void Nullable_arguments()
    {
        var generated = GeneratorHarness.Generate("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Typed.Events;
            namespace Maybe;
            [Events]
            public interface IMaybe
            {
                void Some(string? name, int? count, List<string?>? names, int?[] counts);
                Task<string?> Find(string? key);
            }
            """);

        Snapshot.Match(Assert.Single(generated).Value, "NullableArguments", "cs");
    }

    [Fact]
    public void Renamed_events()
    {
        var generated = GeneratorHarness.Generate("""
            using Typed.Events;
            namespace Renamed;
            [Events]
            public interface IRenamed
            {
                [EventName("chat message")]
                void Message(string text);
                [EventName("weird\"name")]
                void Weird();
            }
            """);

        Snapshot.Match(Assert.Single(generated).Value, "RenamedEvents", "cs");
    }

    [Fact]
    public void Nested_namespaces_and_keywords()
    {
        var generated = GeneratorHarness.Generate("""
            namespace Outer
            {
                namespace Inner.Deeper
                {
                    [Typed.Events.Events]
                    public interface INested
                    {
                        void Event(string @class, int @event);
                    }
                }
            }
            """);

        var (hint, source) = Assert.Single(generated);
        Assert.Equal("Outer.Inner.Deeper.INested.Events.g.cs", hint);
        Snapshot.Match(source, "NestedNamespaces", "cs");
    }

    [Fact]
    public void Two_interfaces_in_one_file()
    {
        var generated = GeneratorHarness.Generate("""
            using Typed.Events;
            namespace Pair;
            [Events] public interface IServerSide { void Hello(string name); }
            [Events] public interface IClientSide { void Welcome(string name); }
            """);

        Assert.Equal(["Pair.IClientSide.Events.g.cs", "Pair.IServerSide.Events.g.cs"], generated.Keys.Order());
        Snapshot.Match(generated["Pair.IServerSide.Events.g.cs"], "TwoInterfaces.Server", "cs");
        Snapshot.Match(generated["Pair.IClientSide.Events.g.cs"], "TwoInterfaces.Client", "cs");
    }

    [Fact]
    public void An_internal_interface_gets_internal_generated_code()
    {
        var generated = GeneratorHarness.Generate("""
            using Typed.Events;
            [Events]
            internal interface IHidden
            {
                void Secret(string text);
            }
            """);

        var source = Assert.Single(generated).Value;
        Assert.Contains("internal static class HiddenEvents", source, StringComparison.Ordinal);
        Snapshot.Match(source, "InternalInterface", "cs");
    }

    [Fact]
    public void Contracts_the_analyzers_refuse_get_no_generated_code()
    {
        var generated = GeneratorHarness.Generate("""
            using System.Collections.Generic;
            using System.IO;
            using Typed.Events;
            [Events] public interface IGeneric<T> { void Event(T value); }
            [Events] public interface IWithProperty { int Count { get; } }
            [Events] public interface IWithRef { void Event(ref int value); }
            [Events] public interface IWithStream { void Event(Stream value); }
            [Events] public interface IWithBadReturn { int Event(); }
            [Events] public interface IWithGenericMethod { void Event<T>(T value); }
            """);

        Assert.Empty(generated);
    }

    [Fact]
    public void Every_generated_file_says_it_is_generated()
    {
        var source = Assert.Single(GeneratorHarness.Generate("[Typed.Events.Events] public interface IAny { void Any(); }")).Value;

        Assert.StartsWith("// <auto-generated/>\n#nullable enable\n", source, StringComparison.Ordinal);
        Assert.Contains("[global::System.CodeDom.Compiler.GeneratedCode(\"Typed.Generators\"", source, StringComparison.Ordinal);
    }
}
