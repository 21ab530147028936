using Typed.Client.Transports;
using Typed.Properties.Tests.Arbitraries;
using Typed.Properties.Tests.Support;

namespace Typed.Properties.Tests.Transports;

/// <summary>
/// Whatever a server streams, the client's readers of kept-open responses cut it up without
/// throwing anything but a <see cref="FormatException"/> (a body that is not the transport's at
/// all), and allocate no more than a linear share of what they were fed.
/// </summary>
[Properties(MaxTest = 500)]
public class StreamReaderProperties
{
    private static readonly Func<StreamFrameReader>[] Readers =
    [
        () => new HtmlFileClientTransport.ScriptTagReader(),
        () => new XhrMultipartClientTransport.PartReader(),
        () => new ServerEventsClientTransport.EventStreamReader(),
    ];

    [Property]
    public Property Hostile_streams_are_cut_up_without_throwing_anything_but_a_format_error(NonEmptyArray<PositiveInt> pieces) =>
        Prop.ForAll(HostileStreams.Any.ToArbitrary(), input =>
        {
            foreach (var reader in Readers)
            {
                Read(reader(), input.Bytes, pieces);
            }
        });

    [Property]
    public Property Reading_a_hostile_stream_allocates_at_most_linearly_in_its_length(NonEmptyArray<PositiveInt> pieces) =>
        Prop.ForAll(HostileStreams.Any.ToArbitrary(), input =>
        {
            var most = Readers.Max(reader => Allocations.Of(() => Read(reader(), input.Bytes, pieces)));
            return (most <= Allocations.Bound(input.Bytes.Length)).Label($"allocated {most} bytes");
        });

    // Every frame cut out is parsed and read, as the socket does with what the transport hands it.
    private static void Read(StreamFrameReader reader, byte[] body, NonEmptyArray<PositiveInt> pieces) =>
        ErrorContract.Accepts<FormatException>(() => FrameStreams.Feed(reader, body, pieces, frame => Parsers.Parse(frame, Parsers.Receive)));
}
