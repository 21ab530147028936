using System.Text.Json.Serialization;
using Typed.Events;

namespace Typed.TestContracts;

public enum Mood
{
    Calm,
    Happy,
    Grumpy = 7,
}

public sealed record Person(string Name, int Age, IReadOnlyList<string> Tags);

[JsonSerializable(typeof(Person))]
internal sealed partial class EchoJson : JsonSerializerContext;

/// <summary>One event per supported argument type, each answered with its argument: round trips of every type.</summary>
[Events(JsonContext = typeof(EchoJson))]
public interface IEcho
{
    Task<string> Text(string value);

    Task<string?> MaybeText(string? value);

    Task<bool> Boolean(bool value);

    Task<byte> Byte(byte value);

    Task<sbyte> SByte(sbyte value);

    Task<short> Int16(short value);

    Task<ushort> UInt16(ushort value);

    Task<int> Int32(int value);

    Task<uint> UInt32(uint value);

    Task<long> Int64(long value);

    Task<ulong> UInt64(ulong value);

    Task<float> Single(float value);

    Task<double> Double(double value);

    Task<decimal> Decimal(decimal value);

    Task<char> Char(char value);

    Task<DateTime> DateTime(DateTime value);

    Task<DateTimeOffset> DateTimeOffset(DateTimeOffset value);

    Task<Guid> Guid(Guid value);

    Task<TimeSpan> TimeSpan(TimeSpan value);

    Task<byte[]> Bytes(byte[] value);

    Task<Mood> Enum(Mood value);

    Task<int?> NullableInt32(int? value);

    Task<int[]> Array(int[] value);

    Task<List<string>> List(List<string> value);

    Task<IReadOnlyList<double?>> ReadOnlyList(IReadOnlyList<double?> value);

    Task<Dictionary<string, int>> Dictionary(Dictionary<string, int> value);

    Task<IReadOnlyDictionary<string, Person>> People(IReadOnlyDictionary<string, Person> value);

    Task<Person> Person(Person value);

    Task<Person?> MaybePerson(Person? value);

    ValueTask<List<Mood[]>> Nested(List<Mood[]> value);

    /// <summary>Many arguments at once, in order.</summary>
    Task<string> Many(string a, int b, bool c, double d, Guid e, Mood f, int? g, string? h);
}
