namespace Typed.Server.Http;

/// <summary>
/// Reads one field of an <c>application/x-www-form-urlencoded</c> body into raw bytes, decoding
/// <c>%XX</c> and <c>+</c> without going through a string, so the bytes the client escaped are
/// exactly the bytes the payload parser sees.
/// </summary>
internal static class FormField
{
    /// <summary>Finds <paramref name="name"/> and decodes its value into a new array; false when the body has no such field.</summary>
    /// <exception cref="FormatException">A <c>%</c> escape is not two hex digits.</exception>
    public static bool TryDecode(ReadOnlySpan<byte> body, ReadOnlySpan<byte> name, out ReadOnlyMemory<byte> value)
    {
        value = default;
        while (!body.IsEmpty)
        {
            var end = body.IndexOf((byte)'&');
            var pair = end < 0 ? body : body[..end];
            body = end < 0 ? [] : body[(end + 1)..];

            var equals = pair.IndexOf((byte)'=');
            var key = equals < 0 ? pair : pair[..equals];
            if (key.SequenceEqual(name))
            {
                value = Decode(equals < 0 ? [] : pair[(equals + 1)..]);
                return true;
            }
        }

        return false;
    }

    // Decoding never lengthens the text, so one array of the encoded length holds the result.
    private static ReadOnlyMemory<byte> Decode(ReadOnlySpan<byte> encoded)
    {
        var decoded = new byte[encoded.Length];
        var written = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == '+')
            {
                b = (byte)' ';
            }
            else if (b == '%')
            {
                if (i + 2 >= encoded.Length)
                {
                    throw new FormatException("A % escape is cut short.");
                }

                b = (byte)((Hex(encoded[i + 1]) << 4) | Hex(encoded[i + 2]));
                i += 2;
            }

            decoded[written++] = b;
        }

        return decoded.AsMemory(0, written);
    }

    private static int Hex(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => throw new FormatException("A % escape holds a character that is not a hex digit."),
    };
}
