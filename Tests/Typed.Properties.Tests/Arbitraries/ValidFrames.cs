using Typed.Framing;
using Typed.Properties.Tests.Support;

namespace Typed.Properties.Tests.Arbitraries;

/// <summary>Well-formed frames and payloads of every form the protocol has, for mutations to start from.</summary>
internal static class ValidFrames
{
    public static Gen<byte[]> Any =>
        Gen.OneOf(
            Batches.Select(messages => ServerFrame.Encode(messages)),
            Batches.SelectMany(_ => Numbers.Any, (messages, numbers) => NumberedFrame.Write(messages, numbers.Value)),
            Batches.Select(messages => ClientPayload.Encode(messages)),
            Batches.SelectMany(_ => Numbers.Any, (messages, numbers) => ClientPayload.EncodeEnvelope(messages, numbers.Value)),
            Batches.Select(messages => ServerFrame.Encode([Handshake.Create("s3ss10n-1d"), .. messages])),
            Gen.Constant(Heartbeat.Frame.ToArray()));

    private static Gen<Message[]> Batches => Batch.Any.Select(batch => batch.Messages);
}
