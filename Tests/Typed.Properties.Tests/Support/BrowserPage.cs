namespace Typed.Properties.Tests.Support;

/// <summary>
/// How a browser reads the script blocks of a page, as far as an escape for them must care: the
/// HTML tokenizer copies script text untouched (no entities, no markup) until it meets an end
/// tag <c>&lt;/script</c> in any case, followed by white space, <c>/</c> or <c>&gt;</c>.
/// </summary>
internal static class BrowserPage
{
    private const string StartTag = "<script>";

    /// <summary>
    /// The text of every <c>&lt;script&gt;</c> block of <paramref name="html"/>, as the browser cuts
    /// it; null when a block opens <c>&lt;!--</c>, after which the tokenizer's escaped states can
    /// carry the script past its end tag, which this model does not follow.
    /// </summary>
    public static List<string>? ScriptBlocks(string html)
    {
        var blocks = new List<string>();
        for (var at = html.IndexOf(StartTag, StringComparison.Ordinal); at >= 0; at = html.IndexOf(StartTag, at, StringComparison.Ordinal))
        {
            var start = at + StartTag.Length;
            var end = EndOfScript(html, start);
            if (end < 0)
            {
                return null;
            }

            blocks.Add(html[start..end]);
            at = end;
        }

        return blocks;
    }

    private static int EndOfScript(string html, int from)
    {
        for (var i = html.IndexOf('<', from); i >= 0; i = html.IndexOf('<', i + 1))
        {
            var rest = html.AsSpan(i);
            if (rest.StartsWith("<!--"))
            {
                return -1;
            }

            if (rest.Length > 8 && rest.StartsWith("</script", StringComparison.OrdinalIgnoreCase) && rest[8] is '\t' or '\n' or '\f' or '\r' or ' ' or '/' or '>')
            {
                return i;
            }
        }

        return -1;
    }
}
