using System.Text;
using Typed.Properties.Tests.Support;

namespace Typed.Properties.Tests.Arbitraries;

/// <summary>
/// Small edits that turn a valid frame into a nearly valid one, where parsers are most likely to
/// trip: cut short, a number's digit changed, a token or a non-UTF-8 sequence put in, a stretch
/// dropped or repeated, a byte overwritten.
/// </summary>
internal static class Mutations
{
    // Tokens a parser's state machine reacts to, numbers past every integer width, and the
    // length-prefixed framing of later Socket.IO versions, claiming 2 GB.
    private static readonly string[] Tokens =
    [
        "~m~", "~m~2147483648~m~", "~m~99999999999999999999~m~", "~j~", "~h~", "\"", "\\", "\\u", "\\ud800", "[", "]", "{", "}",
        ",", ":", "\"messages\":", "\"seq\":", "\"ack\":", "-1", "1e999", "-0", "99999999999999999999", "9223372036854775808",
        "null", "tru", "\u2028", "<", "</script>", "%", "\0",
    ];

    private static readonly string[] Digits = ["0", "1", "9", "-", ".", "e", "x", "", "99999999999999999999"];

    /// <summary>One to three edits of <paramref name="frame"/>, with a line that says what they were.</summary>
    public static Gen<HostileInput> Of(byte[] frame) =>
        from count in Gen.Choose(1, 3)
        from input in Edits(new HostileInput("valid", frame), count)
        select input;

    private static Gen<HostileInput> Edits(HostileInput input, int count) =>
        count == 0 ? Gen.Constant(input) : OneEdit(input).SelectMany(edited => Edits(edited, count - 1));

    private static Gen<HostileInput> OneEdit(HostileInput input)
    {
        var bytes = input.Bytes;
        return Gen.Choose(0, bytes.Length).SelectMany(at => Gen.OneOf(
            Gen.Constant(Edit(input, $"cut at {at}", bytes[..at])),
            ChangeDigit(input),
            Gen.Elements(Tokens).Select(token => Edit(input, $"{Show.Text(token)} put in at {at}", [.. bytes[..at], .. Encoding.UTF8.GetBytes(token), .. bytes[at..]])),
            InvalidUtf8.Any.Select(raw => Edit(input, $"invalid UTF-8 put in at {at}", [.. bytes[..at], .. raw, .. bytes[at..]])),
            Gen.Choose(at, bytes.Length).Select(end => Edit(input, $"{at}..{end} dropped", [.. bytes[..at], .. bytes[end..]])),
            Gen.Choose(at, bytes.Length).Select(end => Edit(input, $"{at}..{end} repeated", [.. bytes[..end], .. bytes[at..]])),
            ArbMap.Default.GeneratorFor<byte>().Select(b => Edit(input, $"byte {at} set to {b}", Overwrite(bytes, at, b)))));
    }

    private static Gen<HostileInput> ChangeDigit(HostileInput input)
    {
        var digits = Enumerable.Range(0, input.Bytes.Length).Where(i => char.IsAsciiDigit((char)input.Bytes[i])).ToArray();
        if (digits.Length == 0)
        {
            return Gen.Constant(input);
        }

        return from at in Gen.Elements(digits)
               from digit in Gen.Elements(Digits)
               select Edit(input, $"digit {at} made {Show.Text(digit)}", [.. input.Bytes[..at], .. Encoding.ASCII.GetBytes(digit), .. input.Bytes[(at + 1)..]]);
    }

    private static byte[] Overwrite(byte[] bytes, int at, byte value)
    {
        if (at == bytes.Length)
        {
            return [.. bytes, value];
        }

        var copy = (byte[])bytes.Clone();
        copy[at] = value;
        return copy;
    }

    private static HostileInput Edit(HostileInput input, string edit, byte[] bytes) => new($"{input.How}, {edit}", bytes);
}
