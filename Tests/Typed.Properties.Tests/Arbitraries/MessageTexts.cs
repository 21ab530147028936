namespace Typed.Properties.Tests.Arbitraries;

/// <summary>
/// Text a message may carry: any UTF-16 units, lone surrogates included, weighted toward the
/// pieces that mean something to some layer the text passes through.
/// </summary>
internal static class MessageTexts
{
    // Framing markers of later Socket.IO versions, what ends a script block or opens a comment,
    // line breaks and the multipart boundary, JSON's quote and escape, the line separators old
    // script engines break lines at, the heartbeat part's U+0006, form-encoding's own characters.
    private static readonly string[] Tricky =
    [
        "~m~", "~j~", "~h~", "~m~5~m~", "~m~2147483648~m~", "</script>", "</SCRIPT >", "<script>", "<!--", "-->",
        ", document);</script>", "\r\n", "\n", "\r", "\n\n", "\n--socketio\n", "--socketio", "data: ", "\"", "\\", "\\u003c", "/",
        "\u2028", "\u2029", "\u0006", "\0", "\uFEFF", "\U0001F600", "\u00e9", "\u4e2d\u6587", "%", "%25", "+", "&", "=",
        "{\"sessionid\":\"x\"}",
    ];

    /// <summary>Any text at all, lone surrogates included.</summary>
    public static Gen<string> Any => Pieces(Gen.Choose(0, 0xFFFF).Select(unit => ((char)unit).ToString()));

    /// <summary>Text that has a UTF-8 form: every surrogate is half of a pair.</summary>
    public static Gen<string> WellFormed => Pieces(Gen.Choose(0, 0xFFFF - 0x800).Select(WithoutSurrogates));

    private static Gen<string> Pieces(Gen<string> anyUnit) =>
        Gen.Frequency(
                (3, Gen.Elements(Tricky)),
                (3, anyUnit),
                (3, Gen.Choose(0x20, 0x7E).Select(c => ((char)c).ToString())),
                (1, Gen.Choose(0, 0x1F).Select(c => ((char)c).ToString())),
                (1, Gen.Choose(0x10000, 0x10FFFF).Select(char.ConvertFromUtf32)))
            .ArrayOf()
            .Select(string.Concat);

    // Maps 0..0xF7FF onto every UTF-16 unit that is not a surrogate.
    private static string WithoutSurrogates(int unit) => ((char)(unit < 0xD800 ? unit : unit + 0x800)).ToString();
}
