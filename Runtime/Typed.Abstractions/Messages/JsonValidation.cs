using System.Text.Json;
using System.Text.Unicode;

namespace Typed.Messages;

/// <summary>The checks every parser makes before it trusts bytes as JSON.</summary>
internal static class JsonValidation
{
    /// <summary>Deep enough for any real message, shallow enough that no input can exhaust the stack.</summary>
    public const int MaxDepth = 64;

    public static JsonReaderOptions ReaderOptions => new() { MaxDepth = MaxDepth };

    public static void EnsureUtf8(ReadOnlySpan<byte> utf8)
    {
        if (!Utf8.IsValid(utf8))
        {
            throw new ProtocolFormatException("The input is not valid UTF-8.");
        }
    }

    /// <summary>The input without the JSON white space around it.</summary>
    public static ReadOnlyMemory<byte> TrimWhiteSpace(ReadOnlyMemory<byte> utf8)
    {
        var span = utf8.Span;
        var start = 0;
        var end = span.Length;
        while (start < end && IsWhiteSpace(span[start]))
        {
            start++;
        }

        while (end > start && IsWhiteSpace(span[end - 1]))
        {
            end--;
        }

        return utf8[start..end];
    }

    /// <summary>
    /// Whether the property name the reader stands on is <paramref name="name"/>. A name that
    /// escapes a lone surrogate is well-formed JSON but has no UTF-8 form, so
    /// <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/> throws for it; here it is
    /// just some other name.
    /// </summary>
    public static bool NameIs(this ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        try
        {
            return reader.ValueTextEquals(name);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsWhiteSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';

    public static void EnsureSingleValue(ReadOnlySpan<byte> utf8Json)
    {
        EnsureUtf8(utf8Json);
        try
        {
            var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
            if (!reader.Read())
            {
                throw new ProtocolFormatException("A message holds one JSON value; the input is empty.");
            }

            reader.Skip();
            if (reader.Read())
            {
                throw new ProtocolFormatException("A message holds one JSON value; the input has more.");
            }

        }
        catch (JsonException e)
        {
            throw new ProtocolFormatException("The input is not well-formed JSON: " + e.Message, e);
        }
    }
}
