using Typed.Client.Transports;
using Typed.Properties.Tests.Arbitraries;
using Typed.Properties.Tests.Support;
using Typed.Server.Transports;

namespace Typed.Properties.Tests.Transports;

/// <summary>
/// What the server's kept-open transports escape and wrap, the client's readers cut out again
/// as the same messages, however the response is split on the way: no message can end its
/// script tag, its multipart part or its event early.
/// </summary>
[ProtocolProperties(MaxTest = 200)]
public class StreamRoundTripProperties
{
    [Property]
    public Property Htmlfile_frames_read_back_through_the_client_as_the_messages_sent(Batch[] frames, NonEmptyArray<PositiveInt> pieces) =>
        ReadsBack(HtmlFileTransport.Format, new HtmlFileClientTransport.ScriptTagReader(), frames, pieces);

    [Property]
    public Property Multipart_frames_read_back_through_the_client_as_the_messages_sent(Batch[] frames, NonEmptyArray<PositiveInt> pieces) =>
        ReadsBack(XhrMultipartTransport.Format, new XhrMultipartClientTransport.PartReader(), frames, pieces);

    [Property]
    public Property Event_stream_frames_read_back_through_the_client_as_the_messages_sent(Batch[] frames, NonEmptyArray<PositiveInt> pieces) =>
        ReadsBack(ServerEventsTransport.EventStream, new ServerEventsClientTransport.EventStreamReader(), frames, pieces);

    private static Property ReadsBack(StreamFormat format, StreamFrameReader reader, Batch[] frames, NonEmptyArray<PositiveInt> pieces)
    {
        var read = FrameStreams.Read(reader, FrameStreams.Write(format, frames), pieces);
        var same = read.Count == frames.Length && read.Zip(frames).All(pair => JsonEquivalence.Same(pair.First, pair.Second.Messages));
        return same.Label($"read back {read.Count} frames: {string.Join(" ", read.Select(Show.Messages))}");
    }
}
