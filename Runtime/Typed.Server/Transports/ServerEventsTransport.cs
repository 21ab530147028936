using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Typed.Server.Transports;

/// <summary>
/// <c>server-events</c>: a kept-open event stream, one event per frame, a comment line as the
/// heartbeat. Today's EventSource gets <c>text/event-stream</c>; a client that asks for the
/// Opera-era <c>application/x-dom-event-stream</c> gets that flavour, its events named <c>socket.io</c>.
/// </summary>
internal sealed class ServerEventsTransport : HttpStreamingTransport
{
    internal static readonly StreamFormat EventStream = new EventStreamFormat();
    private static readonly StreamFormat DomEventStream = new DomEventStreamFormat();

    public override string Name => TransportNames.ServerEvents;

    protected override StreamFormat SelectFormat(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("application/x-dom-event-stream", StringComparison.OrdinalIgnoreCase)
            ? DomEventStream
            : EventStream;

    private class EventStreamFormat : StreamFormat
    {
        public override string ContentType => "text/event-stream; charset=UTF-8";

        public override ReadOnlySpan<byte> Heartbeat => ": heartbeat\n\n"u8;

        public override void WriteFrame(IBufferWriter<byte> output, ReadOnlySpan<byte> frame)
        {
            output.Write("data: "u8);
            FrameEscaping.WriteSingleLine(output, frame);
            output.Write("\n\n"u8);
        }
    }

    private sealed class DomEventStreamFormat : EventStreamFormat
    {
        public override string ContentType => "application/x-dom-event-stream; charset=UTF-8";

        public override void WriteFrame(IBufferWriter<byte> output, ReadOnlySpan<byte> frame)
        {
            output.Write("Event: socket.io\n"u8);
            base.WriteFrame(output, frame);
        }
    }
}
