using System.Buffers;
using Typed.Client.Transports;
using Typed.Framing;
using Typed.Properties.Tests.Arbitraries;
using Typed.Server.Transports;

namespace Typed.Properties.Tests.Support;

/// <summary>
/// A kept-open response as a server transport writes it (a heartbeat after every frame), and the
/// frames the client's reader cuts out of it when it arrives in pieces of any size.
/// </summary>
internal static class FrameStreams
{
    public static byte[] Write(StreamFormat format, IEnumerable<Batch> frames)
    {
        var body = new ArrayBufferWriter<byte>();
        format.WritePreamble(body);
        foreach (var frame in frames)
        {
            format.WriteFrame(body, ServerFrame.Encode(frame.Messages));
            body.Write(format.Heartbeat);
        }

        return body.WrittenSpan.ToArray();
    }

    public static List<IReadOnlyList<Message>> Read(StreamFrameReader reader, byte[] body, NonEmptyArray<PositiveInt> pieces)
    {
        var frames = new List<IReadOnlyList<Message>>();
        Feed(reader, body, pieces, frame => frames.Add(ServerFrame.Parse(frame)));
        return frames;
    }

    /// <summary>Feeds <paramref name="body"/> to the reader in pieces of the given sizes, taken in turn.</summary>
    public static void Feed(StreamFrameReader reader, byte[] body, NonEmptyArray<PositiveInt> pieces, Action<ReadOnlyMemory<byte>> onFrame)
    {
        for (int at = 0, i = 0; at < body.Length; i++)
        {
            var length = Math.Min(pieces.Get[i % pieces.Get.Length].Get, body.Length - at);
            reader.Feed(body.AsSpan(at, length), onFrame);
            at += length;
        }
    }
}
