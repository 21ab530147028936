namespace Typed.Analyzers.Tests;

/// <summary>Contracts and uses that are right in every way: no analyzer reports anything on them.</summary>
internal static class Gallery
{
    public const string Contracts = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using Typed.Events;

        namespace Gallery;

        public enum Mood { Calm, Happy }

        public sealed record Address(string Street, int Number);

        public sealed record Person(string Name, int Age, Address Home, IReadOnlyList<string> Tags);

        public struct Point { public int X { get; set; } public int Y { get; set; } }

        [JsonSerializable(typeof(Person))]
        [JsonSerializable(typeof(Point))]
        // Abstract, as System.Text.Json's own generator does not run here to implement it.
        internal abstract partial class GalleryJson() : JsonSerializerContext(null);

        /// <summary>Every supported type, as argument and as answer.</summary>
        [Events(JsonContext = typeof(GalleryJson))]
        public interface IEverything
        {
            Task<string> Text(string value, string? maybe);
            Task<bool> Boolean(bool value);
            Task<byte> Byte(byte value, sbyte signed);
            Task<short> Int16(short value, ushort unsigned);
            Task<int> Int32(int value, uint unsigned);
            Task<long> Int64(long value, ulong unsigned);
            Task<decimal> Decimal(decimal value);
            Task<char> Char(char value);
            Task<DateTime> DateTime(DateTime value, DateTimeOffset offset);
            Task<Guid> Guid(Guid value);
            Task<TimeSpan> TimeSpan(TimeSpan value);
            Task<byte[]> Bytes(byte[] value);
            Task<Mood> Enum(Mood value);
            Task<int?> Nullable(int? value);
            Task<int[]> Array(int[] value);
            Task<List<string>> List(List<string> value, IList<int> list, IReadOnlyList<int> readOnly, ICollection<int> collection, IReadOnlyCollection<int> readOnlyCollection, IEnumerable<int> sequence);
            Task<Dictionary<string, int>> Dictionary(Dictionary<string, int> value, IDictionary<string, Mood> dictionary, IReadOnlyDictionary<string, Person> people);
            Task<Person> Person(Person value);
            Task<Person?> MaybePerson(Person? value);
            Task<Address> Address(Address value);
            ValueTask<Point?> Point(Point? value, List<Point[]> points);
            ValueTask<List<Mood[]>> Nested(List<Mood[]> value);
            Task<string> Slow(int milliseconds, CancellationToken cancellationToken);
            void Fire(string text, CancellationToken cancellationToken);
            Task Done();
            ValueTask Ping();
            [EventName("renamed")] void Renamed(string text);
            [EventName("Connect")] void Connect();
        }

        public interface IBase
        {
            void Hello(string name);
        }

        [Events]
        public interface IDerived : IBase
        {
            void Goodbye(string name);
        }

        [Events]
        internal interface IInternal
        {
            void Say(string text);
        }
        """;

    public const string Uses = """
        using System.Threading.Tasks;
        using Gallery;
        using Typed.Client;
        using Typed.Server;

        public sealed class Handler : IDerived
        {
            public void Hello(string name) { }
            public void Goodbye(string name) { }
        }

        public static class Uses
        {
            public static async Task Server(Listener listener, Client client)
            {
                listener.Handle<IDerived, Handler>();
                listener.Events<IDerived>().Hello("all");
                listener.Events<IEverything>(client.SessionId).Fire("all", default);
                client.Broadcast<IEverything>().Renamed("others");
                await client.Broadcast<IEverything>().Done();
                var answer = await client.Events<IEverything>().Int32(1, 2);
                var one = client.Events<IEverything>();
                await one.Text("a", null);
                var many = client.Broadcast<IEverything>();
                many = client.Events<IEverything>();
                await many.Text("b", null);
            }

            public static async Task Socket(Socket socket)
            {
                socket.Handle<IDerived>(new Handler());
                socket.Handle(new Handler() as IDerived);
                await socket.Events<IEverything>().Text("x", null);
            }

            public static T Any<T>(Socket socket) where T : class => socket.Events<T>();
        }
        """;
}
