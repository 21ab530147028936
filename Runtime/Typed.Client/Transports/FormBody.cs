using System.Net.Http.Headers;

namespace Typed.Client.Transports;

/// <summary>
/// The body of an upload, <c>data=</c> and the payload URL-encoded, written straight from the
/// payload's UTF-8 bytes: every byte but the unreserved characters as <c>%XX</c>, which is what
/// <see cref="Uri.EscapeDataString(string)"/> makes of the same text.
/// </summary>
internal static class FormBody
{
    private static readonly byte[] Field = "data="u8.ToArray();

    public static ByteArrayContent Content(ReadOnlySpan<byte> payload)
    {
        var length = Field.Length;
        foreach (var b in payload)
        {
            length += IsUnreserved(b) ? 1 : 3;
        }

        var body = new byte[length];
        Field.CopyTo(body, 0);
        var at = Field.Length;
        foreach (var b in payload)
        {
            if (IsUnreserved(b))
            {
                body[at++] = b;
                continue;
            }

            body[at++] = (byte)'%';
            body[at++] = Hex(b >> 4);
            body[at++] = Hex(b & 0xF);
        }

        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "us-ascii" };
        return content;
    }

    private static bool IsUnreserved(byte b) =>
        b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';

    private static byte Hex(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
}
