using System.Buffers;

namespace Typed.Server.Http;

/// <summary>
/// Reads one field of an <c>application/x-www-form-urlencoded</c> body into raw bytes, decoding
/// <c>%XX</c> and <c>+</c> without going through a string, so the bytes the client escaped are
/// exactly the bytes the payload parser sees.
/// </summary>
internal static class FormField
{
    /// <summary>Finds <paramref name="name"/> and writes its decoded value; false when the body has no such field.</summary>
    /// <exception cref="FormatException">A <c>%</c> escape is not two hex digits.</exception>
    public static bool TryDecode(ReadOnlySpan<byte> body, ReadOnlySpan<byte> name, IBufferWriter<byte> value)
    {
        while (!body.IsEmpty)
        {
            var end = body.IndexOf((byte)'&');
            var pair = end < 0 ? body : body[..end];
            body = end < 0 ? [] : body[(end + 1)..];

            var equals = pair.IndexOf((byte)'=');
            var key = equals < 0 ? pair : pair[..equals];
            if (key.SequenceEqual(name))
            {
                Decode(equals < 0 ? [] : pair[(equals + 1)..], value);
                return true;
            }
        }

        return false;
    }

    private static void Decode(ReadOnlySpan<byte> encoded, IBufferWriter<byte> output)
    {
        var span = output.GetSpan(encoded.Length);
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

            span[written++] = b;
        }

        output.Advance(written);
    }

    private static int Hex(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => throw new FormatException("A % escape holds a character that is not a hex digit."),
    };
}
