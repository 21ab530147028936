namespace Typed.Client.Transports;

/// <summary>
/// <c>xhr-multipart</c>: a <c>multipart/x-mixed-replace</c> body, one <c>text/plain</c> part per
/// frame; a part holding U+0006 is a heartbeat.
/// </summary>
internal sealed class XhrMultipartClientTransport(TransportContext context, IFrameSink sink) : StreamingClientTransport(context, sink)
{
    public override string Name => TransportNames.XhrMultipart;

    protected override StreamFrameReader CreateReader() => new PartReader();

    internal sealed class PartReader : StreamFrameReader
    {
        private static ReadOnlySpan<byte> Boundary => "--socketio\n"u8;

        private bool _started;

        /// <inheritdoc/>
        protected override byte EndByte => (byte)'\n'; // a part ends with its boundary line

        protected override bool TryRead(ReadOnlySpan<byte> buffer, out int consumed, out ReadOnlySpan<byte> frame)
        {
            frame = default;
            consumed = 0;
            if (!_started)
            {
                if (buffer.Length < Boundary.Length)
                {
                    return false;
                }

                _started = true;
                consumed = buffer.StartsWith(Boundary) ? Boundary.Length : throw new FormatException("The multipart body does not start with its boundary.");
                return true;
            }

            var headersEnd = buffer.IndexOf("\n\n"u8);
            if (headersEnd < 0)
            {
                return false;
            }

            var body = buffer[(headersEnd + 2)..];
            var end = body.IndexOf("\n--socketio\n"u8);
            if (end < 0)
            {
                return false;
            }

            var part = body[..end];
            frame = part is [6] ? default : part;
            consumed = headersEnd + 2 + end + 1 + Boundary.Length;
            return true;
        }
    }
}
