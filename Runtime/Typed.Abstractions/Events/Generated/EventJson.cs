using System.ComponentModel;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Typed.Events.Generated;

/// <summary>
/// Encodes and decodes event arguments without reflection: one method per supported type, composed
/// by generated code (collections take the element's method), and a <see cref="JsonTypeInfo{T}"/>
/// from the contract's serializer context for the application's own types.
/// </summary>
/// <remarks>
/// For generated code: applications need not call it, and it may change without notice. Each
/// method reads or writes exactly one JSON value, in the form System.Text.Json gives the type by default. A reader
/// given the wrong kind of value throws <see cref="InvalidOperationException"/>, and one given a
/// value its type cannot hold <see cref="FormatException"/>, as <see cref="JsonElement"/> does.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class EventJson
{
    // An empty resolver: enum type information is made by hand below, and nothing is looked up by reflection.
    private static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = JsonTypeInfoResolver.Combine() };

    /// <summary>Writes non-ASCII text as UTF-8 rather than escapes, as the rest of the protocol does.</summary>
    internal static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    internal static JsonElement Null { get; } = JsonDocument.Parse("null").RootElement.Clone();

    /// <summary>Writes a string; JSON null for null.</summary>
    public static void Write(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }

    /// <summary>Writes <c>true</c> or <c>false</c>.</summary>
    public static void Write(Utf8JsonWriter json, bool value) => json.WriteBooleanValue(value);

    /// <summary>Writes a Byte as a JSON number.</summary>
    public static void Write(Utf8JsonWriter json, byte value) => json.WriteNumberValue(value);

    /// <summary>Writes an SByte as a JSON number.</summary>
    public static void Write(Utf8JsonWriter json, sbyte value) => json.WriteNumberValue(value);

    /// <summary>Writes an Int16 as a JSON number.</summary>
    public static void Write(Utf8JsonWriter json, short value) => json.WriteNumberValue(value);

    /// <summary>Writes a UInt16 as a JSON number.</summary>
    public static void Write(Utf8JsonWriter json, ushort value) => json.WriteNumberValue(value);

    /// <summary>Writes an Int32 as a JSON number.</summary>
    public static void Write(Utf8JsonWriter json, int value) => json.WriteNumberValue(value);

    /// <summary>Writes a UInt32 as a JSON number.</summary>
    public static void Write(Utf8JsonWriter json, uint value) => json.WriteNumberValue(value);

    /// <summary>Writes an Int64 as a JSON number.</summary>
    public static void Write(Utf8JsonWriter json, long value) => json.WriteNumberValue(value);

    /// <summary>Writes a UInt64 as a JSON number.</summary>
    public static void Write(Utf8JsonWriter json, ulong value) => json.WriteNumberValue(value);

    /// <summary>Writes a Single as a JSON number; NaN and the infinities have no JSON form and throw <see cref="ArgumentException"/>.</summary>
    public static void Write(Utf8JsonWriter json, float value) => json.WriteNumberValue(value);

    /// <summary>Writes a Double as a JSON number; NaN and the infinities have no JSON form and throw <see cref="ArgumentException"/>.</summary>
    public static void Write(Utf8JsonWriter json, double value) => json.WriteNumberValue(value);

    /// <summary>Writes a Decimal as a JSON number.</summary>
    public static void Write(Utf8JsonWriter json, decimal value) => json.WriteNumberValue(value);

    /// <summary>Writes a Char as a string of one character.</summary>
    public static void Write(Utf8JsonWriter json, char value) => json.WriteStringValue(value.ToString());

    /// <summary>Writes a DateTime as an ISO 8601 string.</summary>
    public static void Write(Utf8JsonWriter json, DateTime value) => json.WriteStringValue(value);

    /// <summary>Writes a DateTimeOffset as an ISO 8601 string.</summary>
    public static void Write(Utf8JsonWriter json, DateTimeOffset value) => json.WriteStringValue(value);

    /// <summary>Writes a Guid as a string in the <c>D</c> format.</summary>
    public static void Write(Utf8JsonWriter json, Guid value) => json.WriteStringValue(value);

    /// <summary>Writes a TimeSpan as a string in the constant (<c>c</c>) format, the one <see cref="ReadTimeSpan"/> reads.</summary>
    public static void Write(Utf8JsonWriter json, TimeSpan value) => json.WriteStringValue(value.ToString("c", CultureInfo.InvariantCulture));

    /// <summary>Writes bytes as a base64 string; JSON null for null.</summary>
    public static void Write(Utf8JsonWriter json, byte[]? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteBase64StringValue(value);
        }
    }

    /// <summary>An enum, as its number (as System.Text.Json writes enums by default).</summary>
    public static void WriteEnum<T>(Utf8JsonWriter json, T value)
        where T : struct, Enum => JsonSerializer.Serialize(json, value, EnumInfo<T>.Value);

    /// <summary>A nullable value: <c>null</c>, or the value written by <paramref name="write"/>.</summary>
    public static void WriteNullable<T>(Utf8JsonWriter json, T? value, Action<Utf8JsonWriter, T> write)
        where T : struct
    {
        if (value is { } present)
        {
            write(json, present);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    /// <summary>A sequence (array, list, set...), each element written by <paramref name="write"/>.</summary>
    public static void WriteArray<T>(Utf8JsonWriter json, IEnumerable<T>? items, Action<Utf8JsonWriter, T> write)
    {
        if (items is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartArray();
        foreach (var item in items)
        {
            write(json, item);
        }

        json.WriteEndArray();
    }

    /// <summary>A dictionary with string keys, each value written by <paramref name="write"/>.</summary>
    public static void WriteDictionary<T>(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, T>>? items, Action<Utf8JsonWriter, T> write)
    {
        if (items is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        foreach (var (key, value) in items)
        {
            json.WritePropertyName(key);
            write(json, value);
        }

        json.WriteEndObject();
    }

    /// <summary>One of the application's types, through its serializer context.</summary>
    public static void Write<T>(Utf8JsonWriter json, T? value, JsonTypeInfo<T> info) => JsonSerializer.Serialize(json, value!, info);

    /// <summary>Enum type information made once per enum, from System.Text.Json's own (reflection-free) converter.</summary>
    private static class EnumInfo<T>
        where T : struct, Enum
    {
        public static readonly JsonTypeInfo<T> Value = JsonMetadataServices.CreateValueInfo<T>(Options, JsonMetadataServices.GetEnumConverter<T>(Options));
    }

    /// <summary>The type information a serializer context holds for <typeparamref name="T"/>.</summary>
    public static JsonTypeInfo<T> Info<T>(System.Text.Json.Serialization.JsonSerializerContext context) =>
        context.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new InvalidOperationException($"{context.GetType().Name} has no [JsonSerializable(typeof({typeof(T).Name}))].");
}
