using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Typed.Server.Transports;

/// <summary>
/// <c>htmlfile</c> (the forever iframe): a kept-open HTML page that calls
/// <c>parent.s._(FRAME, document)</c> in one script tag per frame. The frame is escaped so that no
/// message can end its script tag, and padding comes first because old browsers render nothing
/// until they have a few hundred bytes.
/// </summary>
internal sealed class HtmlFileTransport : HttpStreamingTransport
{
    internal static readonly StreamFormat Format = new HtmlFileFormat();

    public override string Name => TransportNames.HtmlFile;

    protected override StreamFormat SelectFormat(HttpRequest request, bool acknowledged) => Format;

    /// <summary>A browser sees no end of a cut forever-iframe, only its silence: the session waits for that.</summary>
    public override ResolvedTransportOptions Defaults(SocketServerOptions options) => base.Defaults(options) with { NoticedBySilence = true };

    private sealed class HtmlFileFormat : StreamFormat
    {
        private const int Padding = 243;

        public override string ContentType => "text/html; charset=UTF-8";

        public override ReadOnlySpan<byte> Heartbeat => "<!-- heartbeat -->"u8;

        public override void WritePreamble(IBufferWriter<byte> output)
        {
            output.Write("<html><body>"u8);
            var spaces = output.GetSpan(Padding)[..Padding];
            spaces.Fill((byte)' ');
            output.Advance(Padding);
        }

        public override void WriteFrame(IBufferWriter<byte> output, ReadOnlySpan<byte> frame)
        {
            output.Write("<script>parent.s._("u8);
            FrameEscaping.WriteScriptSafe(output, frame);
            output.Write(", document);</script>"u8);
        }
    }
}
