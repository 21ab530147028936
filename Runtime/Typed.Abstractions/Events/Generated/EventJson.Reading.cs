using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Typed.Events.Generated;

/// <summary>The reading half of <see cref="EventJson"/>: one method per supported type.</summary>
public static partial class EventJson
{
    /// <summary>Reads a JSON string; null for JSON null.</summary>
    public static string? ReadString(JsonElement json) => json.ValueKind == JsonValueKind.Null ? null : json.GetString();

    /// <summary>Reads <c>true</c> or <c>false</c> as a Boolean.</summary>
    public static bool ReadBoolean(JsonElement json) => json.GetBoolean();

    /// <summary>Reads a JSON number as a Byte.</summary>
    public static byte ReadByte(JsonElement json) => json.GetByte();

    /// <summary>Reads a JSON number as an SByte.</summary>
    public static sbyte ReadSByte(JsonElement json) => json.GetSByte();

    /// <summary>Reads a JSON number as an Int16.</summary>
    public static short ReadInt16(JsonElement json) => json.GetInt16();

    /// <summary>Reads a JSON number as a UInt16.</summary>
    public static ushort ReadUInt16(JsonElement json) => json.GetUInt16();

    /// <summary>Reads a JSON number as an Int32.</summary>
    public static int ReadInt32(JsonElement json) => json.GetInt32();

    /// <summary>Reads a JSON number as a UInt32.</summary>
    public static uint ReadUInt32(JsonElement json) => json.GetUInt32();

    /// <summary>Reads a JSON number as an Int64.</summary>
    public static long ReadInt64(JsonElement json) => json.GetInt64();

    /// <summary>Reads a JSON number as a UInt64.</summary>
    public static ulong ReadUInt64(JsonElement json) => json.GetUInt64();

    /// <summary>Reads a JSON number as a Single.</summary>
    public static float ReadSingle(JsonElement json) => json.GetSingle();

    /// <summary>Reads a JSON number as a Double.</summary>
    public static double ReadDouble(JsonElement json) => json.GetDouble();

    /// <summary>Reads a JSON number as a Decimal.</summary>
    public static decimal ReadDecimal(JsonElement json) => json.GetDecimal();

    /// <summary>Reads a JSON string of exactly one UTF-16 character as a Char; any other throws <see cref="FormatException"/>.</summary>
    public static char ReadChar(JsonElement json) => json.GetString() is [var single] ? single : throw new FormatException("A char is a string of one character.");

    /// <summary>Reads an ISO 8601 string as a DateTime.</summary>
    public static DateTime ReadDateTime(JsonElement json) => json.GetDateTime();

    /// <summary>Reads an ISO 8601 string as a DateTimeOffset.</summary>
    public static DateTimeOffset ReadDateTimeOffset(JsonElement json) => json.GetDateTimeOffset();

    /// <summary>Reads a string in the <c>D</c> format (<c>00000000-0000-0000-0000-000000000000</c>) as a Guid.</summary>
    public static Guid ReadGuid(JsonElement json) => json.GetGuid();

    /// <summary>Reads a string in the constant (<c>c</c>) format, <c>[-][d.]hh:mm:ss[.fffffff]</c>, as a TimeSpan.</summary>
    public static TimeSpan ReadTimeSpan(JsonElement json) => TimeSpan.ParseExact(json.GetString()!, "c", CultureInfo.InvariantCulture);

    /// <summary>Reads a base64 string as bytes; null for JSON null.</summary>
    public static byte[]? ReadBytes(JsonElement json) => json.ValueKind == JsonValueKind.Null ? null : json.GetBytesFromBase64();

    /// <summary>Reads an enum from its number, as <see cref="WriteEnum{T}"/> writes it.</summary>
    public static T ReadEnum<T>(JsonElement json)
        where T : struct, Enum => json.Deserialize(EnumInfo<T>.Value);

    /// <summary>Reads JSON null as null, and anything else with <paramref name="read"/>.</summary>
    public static T? ReadNullable<T>(JsonElement json, Func<JsonElement, T> read)
        where T : struct => json.ValueKind == JsonValueKind.Null ? null : read(json);

    /// <summary>Reads a JSON array as a list, each element with <paramref name="read"/>; null for JSON null.</summary>
    public static List<T>? ReadList<T>(JsonElement json, Func<JsonElement, T> read)
    {
        if (json.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var items = new List<T>(json.GetArrayLength());
        foreach (var item in json.EnumerateArray())
        {
            items.Add(read(item));
        }

        return items;
    }

    /// <summary>Reads a JSON array as an array, each element with <paramref name="read"/>; null for JSON null.</summary>
    public static T[]? ReadArray<T>(JsonElement json, Func<JsonElement, T> read) => ReadList(json, read)?.ToArray();

    /// <summary>Reads a JSON object as a dictionary with ordinal keys, each value with <paramref name="read"/>; null for JSON null. A repeated name keeps its last value.</summary>
    public static Dictionary<string, T>? ReadDictionary<T>(JsonElement json, Func<JsonElement, T> read)
    {
        if (json.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var items = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            items[property.Name] = read(property.Value);
        }

        return items;
    }

    /// <summary>One of the application's types, through its serializer context.</summary>
    public static T? Read<T>(JsonElement json, JsonTypeInfo<T> info) => json.Deserialize(info);
}
