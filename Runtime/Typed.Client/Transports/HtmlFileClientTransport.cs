namespace Typed.Client.Transports;

/// <summary>
/// <c>htmlfile</c>: the forever-iframe page, read as text: each
/// <c>&lt;script&gt;parent.s._(FRAME, document);&lt;/script&gt;</c> is a frame (its JSON, escaped for
/// the script tag, is still JSON); the padding and <c>&lt;!-- heartbeat --&gt;</c> comments are passed over.
/// </summary>
internal sealed class HtmlFileClientTransport(TransportContext context, IFrameSink sink) : StreamingClientTransport(context, sink)
{
    public override string Name => TransportNames.HtmlFile;

    protected override StreamFrameReader CreateReader() => new ScriptTagReader();

    internal sealed class ScriptTagReader : StreamFrameReader
    {
        private static ReadOnlySpan<byte> Open => "<script>parent.s._("u8;

        private static ReadOnlySpan<byte> Close => ", document);</script>"u8;

        /// <inheritdoc/>
        protected override byte EndByte => (byte)'>'; // a script block ends with its closing tag

        protected override bool TryRead(ReadOnlySpan<byte> buffer, out int consumed, out ReadOnlySpan<byte> frame)
        {
            frame = default;
            consumed = 0;
            var open = buffer.IndexOf(Open);
            if (open < 0)
            {
                // Padding, comments and heartbeats: keep only what could be the start of a tag.
                var lastTag = buffer.LastIndexOf((byte)'<');
                consumed = lastTag < 0 ? buffer.Length : lastTag;
                return consumed > 0;
            }

            var start = open + Open.Length;
            var close = buffer[start..].IndexOf(Close);
            if (close < 0)
            {
                consumed = open;
                return open > 0;
            }

            frame = buffer.Slice(start, close);
            consumed = start + close + Close.Length;
            return true;
        }
    }
}
