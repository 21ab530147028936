using System.Net.Http.Headers;

namespace Typed.Client.Transports;

/// <summary><c>server-events</c>: an event stream, one <c>data:</c> event per frame; comment lines are heartbeats.</summary>
internal sealed class ServerEventsClientTransport(TransportContext context, IFrameSink sink) : StreamingClientTransport(context, sink)
{
    public override string Name => TransportNames.ServerEvents;

    protected override StreamFrameReader CreateReader() => new EventStreamReader();

    protected override void Prepare(HttpRequestMessage request) =>
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(
            Context.Options.For(Name).LegacyEventStream ? "application/x-dom-event-stream" : "text/event-stream"));

    /// <summary>Reads events (blocks ended by a blank line); the frame is the event's data lines.</summary>
    internal sealed class EventStreamReader : StreamFrameReader
    {
        /// <inheritdoc/>
        protected override byte EndByte => (byte)'\n'; // an event ends with a blank line

        protected override bool TryRead(ReadOnlySpan<byte> buffer, out int consumed, out ReadOnlySpan<byte> frame)
        {
            frame = default;
            var end = buffer.IndexOf("\n\n"u8);
            consumed = end + 2;
            if (end < 0)
            {
                return false;
            }

            var block = buffer[..end];
            while (!block.IsEmpty)
            {
                var lineEnd = block.IndexOf((byte)'\n');
                var line = lineEnd < 0 ? block : block[..lineEnd];
                block = lineEnd < 0 ? [] : block[(lineEnd + 1)..];
                if (line.StartsWith("data: "u8))
                {
                    // The server writes each frame on a single data line.
                    frame = line[6..];
                }
            }

            return true;
        }
    }
}
