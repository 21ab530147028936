using System.Text;
using Typed.Framing;
using Typed.Properties.Tests.Arbitraries;
using Typed.Properties.Tests.Support;
using Typed.Server.Transports;

namespace Typed.Properties.Tests.Transports;

/// <summary>
/// A browser's iframe runs every htmlfile script block as one call with the frame sent, whatever
/// the messages hold: the escape keeps them from ending the block or opening markup, and leaves
/// the frame a JavaScript expression of the same value.
/// </summary>
[ProtocolProperties(MaxTest = 300)]
public class HtmlFileBrowserProperties
{
    private const string Call = "parent.s._(";
    private const string CallEnd = ", document);";

    [Property]
    public Property A_browser_runs_each_script_block_as_a_call_with_the_frame_sent(Batch[] frames)
    {
        var blocks = BrowserPage.ScriptBlocks(Encoding.UTF8.GetString(FrameStreams.Write(HtmlFileTransport.Format, frames)));
        var same = blocks is not null && blocks.Count == frames.Length && blocks.Zip(frames).All(pair => IsCallWith(pair.First, pair.Second));
        return same.Label($"script blocks: {(blocks is null ? "a comment opened" : string.Join(" ", blocks.Select(Show.Text)))}");
    }

    // JSON text is a JavaScript expression of the same value, so the engine reads the argument as a
    // JSON parser does; engines before ES2019 end a line at U+2028 and U+2029, inside strings too.
    private static bool IsCallWith(string script, Batch frame)
    {
        if (!script.StartsWith(Call, StringComparison.Ordinal) || !script.EndsWith(CallEnd, StringComparison.Ordinal)
            || script.AsSpan().IndexOfAny('\u2028', '\u2029') >= 0)
        {
            return false;
        }

        var argument = Encoding.UTF8.GetBytes(script[Call.Length..^CallEnd.Length]);
        return JsonEquivalence.Same(argument, ServerFrame.Encode(frame.Messages));
    }
}
