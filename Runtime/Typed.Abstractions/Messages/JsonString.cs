using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Typed.Messages;

/// <summary>
/// Writes and reads JSON string literals without losing a single UTF-16 unit: lone surrogates
/// are escaped rather than replaced, and only what JSON (or an old browser's <c>eval</c>) needs
/// is escaped, so the text stays readable and small on the wire.
/// </summary>
internal static class JsonString
{
    // Characters that cannot stand literally: JSON's own, the two that end a line in old
    // JavaScript parsers, and every surrogate (checked for a valid pair when met).
    private static readonly SearchValues<char> NeedsAttention = SearchValues.Create(BuildAttentionSet());

    private const int ChunkChars = 8192;

    /// <summary>Writes <paramref name="text"/> as a quoted JSON string.</summary>
    public static void Write(ReadOnlySpan<char> text, IBufferWriter<byte> output)
    {
        WriteByte(output, (byte)'"');
        while (!text.IsEmpty)
        {
            var safe = LengthOfSafeRun(text);
            if (safe > 0)
            {
                WriteUtf8(text[..safe], output);
                text = text[safe..];
                continue;
            }

            var c = text[0];
            if (char.IsHighSurrogate(c) && text.Length > 1 && char.IsLowSurrogate(text[1]))
            {
                WriteUtf8(text[..2], output);
                text = text[2..];
                continue;
            }

            WriteEscape(c, output);
            text = text[1..];
        }

        WriteByte(output, (byte)'"');
    }

    /// <summary>Encodes <paramref name="text"/> as a quoted JSON string into a new array.</summary>
    public static byte[] Encode(ReadOnlySpan<char> text)
    {
        if (LengthOfSafeRun(text) == text.Length)
        {
            // Nothing to escape (the common case): the exact array, written in one pass.
            var quoted = new byte[Encoding.UTF8.GetByteCount(text) + 2];
            quoted[0] = quoted[^1] = (byte)'"';
            Encoding.UTF8.GetBytes(text, quoted.AsSpan(1));
            return quoted;
        }

        var writer = new ArrayBufferWriter<byte>(text.Length + 2);
        Write(text, writer);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Reads a quoted JSON string literal (the quotes included) back into the exact text it holds.
    /// </summary>
    /// <exception cref="FormatException">The input is not one well-formed JSON string literal.</exception>
    public static string Read(ReadOnlySpan<byte> literal)
    {
        if (literal.Length < 2 || literal[0] != '"' || literal[^1] != '"')
        {
            throw new FormatException("A JSON string literal starts and ends with a quote.");
        }

        var body = literal[1..^1];
        var firstEscape = body.IndexOf((byte)'\\');
        if (firstEscape < 0)
        {
            return DecodeRun(body);
        }

        var result = new StringBuilder(body.Length);
        while (!body.IsEmpty)
        {
            var escape = body.IndexOf((byte)'\\');
            if (escape < 0)
            {
                result.Append(DecodeRun(body));
                break;
            }

            if (escape > 0)
            {
                result.Append(DecodeRun(body[..escape]));
            }

            body = body[escape..];
            body = body[ReadEscape(body, result)..];
        }

        return result.ToString();
    }

    /// <summary>Decodes the text between escapes, which JSON allows to hold no bare quote, no control character and only valid UTF-8.</summary>
    private static string DecodeRun(ReadOnlySpan<byte> run)
    {
        if (run.IndexOfAnyInRange((byte)0, (byte)0x1F) >= 0 || run.Contains((byte)'"') || !Utf8.IsValid(run))
        {
            throw new FormatException("A JSON string holds a bare quote, a control character or invalid UTF-8.");
        }

        return Encoding.UTF8.GetString(run);
    }

    private static int ReadEscape(ReadOnlySpan<byte> escape, StringBuilder result)
    {
        if (escape.Length < 2)
        {
            throw new FormatException("A JSON string ends inside an escape.");
        }

        switch (escape[1])
        {
            case (byte)'"': result.Append('"'); return 2;
            case (byte)'\\': result.Append('\\'); return 2;
            case (byte)'/': result.Append('/'); return 2;
            case (byte)'b': result.Append('\b'); return 2;
            case (byte)'f': result.Append('\f'); return 2;
            case (byte)'n': result.Append('\n'); return 2;
            case (byte)'r': result.Append('\r'); return 2;
            case (byte)'t': result.Append('\t'); return 2;
            case (byte)'u' when escape.Length >= 6 && TryParseHex(escape.Slice(2, 4), out var unit):
                result.Append(unit);
                return 6;
            default:
                throw new FormatException("A JSON string holds an invalid escape.");
        }
    }

    private static bool TryParseHex(ReadOnlySpan<byte> hex, out char unit)
    {
        var value = 0;
        foreach (var b in hex)
        {
            var digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                unit = default;
                return false;
            }

            value = (value << 4) | digit;
        }

        unit = (char)value;
        return true;
    }

    private static int LengthOfSafeRun(ReadOnlySpan<char> text)
    {
        var index = text.IndexOfAny(NeedsAttention);
        return index < 0 ? text.Length : index;
    }

    private static void WriteUtf8(ReadOnlySpan<char> run, IBufferWriter<byte> output)
    {
        while (!run.IsEmpty)
        {
            var take = Math.Min(run.Length, ChunkChars);
            if (take < run.Length && char.IsHighSurrogate(run[take - 1]))
            {
                take--; // keep a surrogate pair in one chunk
            }

            var chunk = run[..take];
            var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(chunk.Length));
            output.Advance(Encoding.UTF8.GetBytes(chunk, span));
            run = run[take..];
        }
    }

    private static void WriteEscape(char c, IBufferWriter<byte> output)
    {
        var shortForm = c switch
        {
            '"' => (byte)'"',
            '\\' => (byte)'\\',
            '\n' => (byte)'n',
            '\r' => (byte)'r',
            '\t' => (byte)'t',
            '\b' => (byte)'b',
            '\f' => (byte)'f',
            _ => (byte)0,
        };

        if (shortForm != 0)
        {
            var span = output.GetSpan(2);
            span[0] = (byte)'\\';
            span[1] = shortForm;
            output.Advance(2);
            return;
        }

        var hex = output.GetSpan(6);
        hex[0] = (byte)'\\';
        hex[1] = (byte)'u';
        hex[2] = HexDigit(c >> 12);
        hex[3] = HexDigit(c >> 8);
        hex[4] = HexDigit(c >> 4);
        hex[5] = HexDigit(c);
        output.Advance(6);
    }

    private static byte HexDigit(int value)
    {
        value &= 0xF;
        return (byte)(value < 10 ? '0' + value : 'a' + value - 10);
    }

    private static void WriteByte(IBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }

    private static char[] BuildAttentionSet()
    {
        var set = new List<char> { '"', '\\', '\u2028', '\u2029' };
        for (var c = '\0'; c < ' '; c++)
        {
            set.Add(c);
        }

        for (var c = '\uD800'; c <= '\uDFFF'; c++)
        {
            set.Add(c);
        }

        return [.. set];
    }
}
