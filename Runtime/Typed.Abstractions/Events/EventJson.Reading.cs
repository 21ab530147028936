using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Typed.Events;

/// <summary>The reading half of <see cref="EventJson"/>: one method per supported type.</summary>
public static partial class EventJson
{
    public static string? ReadString(JsonElement json) => json.ValueKind == JsonValueKind.Null ? null : json.GetString();

    public static bool ReadBoolean(JsonElement json) => json.GetBoolean();

    public static byte ReadByte(JsonElement json) => json.GetByte();

    public static sbyte ReadSByte(JsonElement json) => json.GetSByte();

    public static short ReadInt16(JsonElement json) => json.GetInt16();

    public static ushort ReadUInt16(JsonElement json) => json.GetUInt16();

    public static int ReadInt32(JsonElement json) => json.GetInt32();

    public static uint ReadUInt32(JsonElement json) => json.GetUInt32();

    public static long ReadInt64(JsonElement json) => json.GetInt64();

    public static ulong ReadUInt64(JsonElement json) => json.GetUInt64();

    public static float ReadSingle(JsonElement json) => json.GetSingle();

    public static double ReadDouble(JsonElement json) => json.GetDouble();

    public static decimal ReadDecimal(JsonElement json) => json.GetDecimal();

    public static char ReadChar(JsonElement json) => json.GetString() is [var single] ? single : throw new FormatException("A char is a string of one character.");

    public static DateTime ReadDateTime(JsonElement json) => json.GetDateTime();

    public static DateTimeOffset ReadDateTimeOffset(JsonElement json) => json.GetDateTimeOffset();

    public static Guid ReadGuid(JsonElement json) => json.GetGuid();

    public static TimeSpan ReadTimeSpan(JsonElement json) => TimeSpan.ParseExact(json.GetString()!, "c", CultureInfo.InvariantCulture);

    public static byte[]? ReadBytes(JsonElement json) => json.ValueKind == JsonValueKind.Null ? null : json.GetBytesFromBase64();

    public static T ReadEnum<T>(JsonElement json)
        where T : struct, Enum => json.Deserialize(EnumInfo<T>.Value);

    public static T? ReadNullable<T>(JsonElement json, Func<JsonElement, T> read)
        where T : struct => json.ValueKind == JsonValueKind.Null ? null : read(json);

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

    public static T[]? ReadArray<T>(JsonElement json, Func<JsonElement, T> read) => ReadList(json, read)?.ToArray();

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
