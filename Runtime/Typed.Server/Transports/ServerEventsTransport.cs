using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Typed.Server.Transports;

/// <summary>
/// <c>server-events</c>: a kept-open event stream, one event per frame, a comment line as the
/// heartbeat. Today's EventSource gets <c>text/event-stream</c>; a client that asks for the
/// Opera-era <c>application/x-dom-event-stream</c> gets that flavour, its events named <c>socket.io</c>.
/// A session of acknowledged delivery (this project's clients) gets its heartbeat as an event
/// holding the heartbeat frame, which clients pass over as they do every frame without
/// messages: an EventSource never shows a comment, and a page must see the heartbeats to notice
/// a stream that hangs.
/// </summary>
internal sealed class ServerEventsTransport : HttpStreamingTransport
{
    internal static readonly StreamFormat EventStream = new EventStreamFormat();
    private static readonly StreamFormat DomEventStream = new DomEventStreamFormat();
    private static readonly StreamFormat VisibleHeartbeatEventStream = new VisibleHeartbeatFormat();

    public override string Name => TransportNames.ServerEvents;

    protected override StreamFormat SelectFormat(HttpRequest request, bool acknowledged) =>
        request.Headers.Accept.ToString().Contains("application/x-dom-event-stream", StringComparison.OrdinalIgnoreCase)
            ? DomEventStream
            : acknowledged ? VisibleHeartbeatEventStream : EventStream;

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

    private sealed class VisibleHeartbeatFormat : EventStreamFormat
    {
        public override ReadOnlySpan<byte> Heartbeat => "data: {\"heartbeat\":\"1\"}\n\n"u8;
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
