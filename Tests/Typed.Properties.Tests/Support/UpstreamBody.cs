using Typed.Framing;
using Typed.Server.Http;

namespace Typed.Properties.Tests.Support;

/// <summary>
/// What the server's upstream does with a <c>POST .../send</c> body before its messages reach the
/// session: the <c>data</c> field decoded, then parsed as a payload. The upstream answers 400 for
/// a <see cref="FormatException"/> from the first step and a <see cref="ProtocolFormatException"/>
/// from the second, so those are the only errors either may raise.
/// </summary>
internal static class UpstreamBody
{
    /// <summary>The payload's messages; null when the body has no data field or either step refused it.</summary>
    public static IReadOnlyList<Message>? Read(ReadOnlySpan<byte> body, bool acknowledged)
    {
        ReadOnlyMemory<byte> payload;
        try
        {
            if (!FormField.TryDecode(body, "data"u8, out payload))
            {
                return null;
            }
        }
        catch (FormatException)
        {
            return null;
        }

        IReadOnlyList<Message>? messages = null;
        ErrorContract.Accepts<ProtocolFormatException>(() => messages = ClientPayload.ParseContent(payload, acknowledged).Messages);
        return messages;
    }

    /// <summary>The decoded <c>data</c> field, as the payload parser is given it.</summary>
    public static byte[]? Data(ReadOnlySpan<byte> body) =>
        FormField.TryDecode(body, "data"u8, out var value) ? value.ToArray() : null;
}
