using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Typed.Server.Transports;

/// <summary>
/// <c>xhr-multipart</c>: a kept-open <c>multipart/x-mixed-replace</c> response, one part per
/// frame, a part holding U+0006 as the heartbeat. A frame is written on one line, so nothing in
/// it can stand at the start of a line and end its part early.
/// </summary>
internal sealed class XhrMultipartTransport : HttpStreamingTransport
{
    internal static readonly StreamFormat Format = new MultipartFormat();

    public override string Name => TransportNames.XhrMultipart;

    protected override StreamFormat SelectFormat(HttpRequest request, bool acknowledged) => Format;

    private sealed class MultipartFormat : StreamFormat
    {
        public override string ContentType => "multipart/x-mixed-replace;boundary=\"socketio\"";

        public override ReadOnlySpan<byte> Heartbeat => "Content-Type: text/plain; charset=us-ascii\n\n\u0006\n--socketio\n"u8;

        public override void WritePreamble(IBufferWriter<byte> output) => output.Write("--socketio\n"u8);

        public override void WriteFrame(IBufferWriter<byte> output, ReadOnlySpan<byte> frame)
        {
            output.Write("Content-Type: text/plain\n\n"u8);
            FrameEscaping.WriteSingleLine(output, frame);
            output.Write("\n--socketio\n"u8);
        }
    }
}
