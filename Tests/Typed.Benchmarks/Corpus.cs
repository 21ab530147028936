using Typed.Framing;
using Typed.Messages;

namespace Typed.Benchmarks;

/// <summary>The messages every benchmark works on: the echo scenario's 32-byte string, and a batch.</summary>
internal static class Corpus
{
    public static readonly string Text = "0123456789abcdef0123456789abcdef";

    public static readonly Message One = Message.FromText(Text);

    public static readonly Message[] Batch = [.. Enumerable.Range(0, 10).Select(i => Message.FromText($"{Text}{i}"))];

    /// <summary>A frame with what a script tag must not contain, for the htmlfile escape.</summary>
    public static readonly byte[] ScriptHostileFrame = ServerFrame.Encode(Message.FromText($"</script><!-- \u2028 {Text} ☃ </SCRIPT> {Text}"));

    /// <summary>A frame with nothing to escape: the common case.</summary>
    public static readonly byte[] PlainFrame = ServerFrame.Encode(Batch);
}
