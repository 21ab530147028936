using System.Text;
using Typed.Properties.Tests.Support;
using Typed.Server.Transports;

namespace Typed.Properties.Tests.Arbitraries;

/// <summary>
/// Kept-open response bodies a client cannot trust: random bytes and text, the transports' own
/// markers in random order, and the real streams of every kept-open transport, edited.
/// </summary>
internal static class HostileStreams
{
    private static readonly string[] Markers =
    [
        "<html><body>", "<script>parent.s._(", ", document);</script>", "<!-- heartbeat -->", "<", "</script>",
        "--socketio\n", "Content-Type: text/plain\n\n", "\n--socketio\n", "\u0006", "\n\n", "\n", "data: ", ": heartbeat\n\n",
        "Event: socket.io\n", "{\"messages\":[\"a\"]}", "{\"messages\":[", "]}",
    ];

    private static readonly StreamFormat[] Formats = [HtmlFileTransport.Format, XhrMultipartTransport.Format, ServerEventsTransport.EventStream];

    public static Gen<HostileInput> Any =>
        Gen.OneOf(
            HostileInputs.RandomBytes,
            HostileInputs.RandomText,
            Gen.Elements(Markers).ArrayOf().Select(markers => new HostileInput("stream markers", Encoding.UTF8.GetBytes(string.Concat(markers)))),
            from format in Gen.Elements(Formats)
            from frames in Batch.Any.ArrayOf().ScaleSize(size => size / 10)
            from edited in Mutations.Of(FrameStreams.Write(format, frames))
            select edited);
}
