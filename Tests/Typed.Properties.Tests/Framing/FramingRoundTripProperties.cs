using Typed.Framing;
using Typed.Properties.Tests.Arbitraries;
using Typed.Properties.Tests.Support;

namespace Typed.Properties.Tests.Framing;

/// <summary>
/// Every message reads back exactly as it was sent, alone or batched, in order: from a server
/// frame, from a client payload in either form the server accepts, with the delivery numbers.
/// </summary>
[ProtocolProperties(MaxTest = 500)]
public class FramingRoundTripProperties
{
    [Property]
    public Property A_single_message_reads_back_from_a_frame_and_a_payload_byte_for_byte(Message message) =>
        ReadsBackBothWays([message]);

    [Property]
    public Property A_batch_reads_back_from_a_frame_and_a_payload_in_order_byte_for_byte(Message[] batch) =>
        ReadsBackBothWays(batch);

    [Property]
    public Property A_frame_written_piece_by_piece_reads_back_with_its_delivery_numbers(Batch batch, DrawnNumbers drawn)
    {
        var numbers = drawn.Value;
        var content = ServerFrame.ParseContent(NumberedFrame.Write(batch.Messages, numbers));
        return ReadBack.Exactly(content.Messages, content.Numbers, batch.Messages, numbers);
    }

    [Property]
    public Property An_envelope_reads_back_with_its_numbers_or_is_refused_for_messages_without_a_seq(Batch batch, DrawnNumbers drawn)
    {
        var numbers = drawn.Value;
        var envelope = ClientPayload.EncodeEnvelope(batch.Messages, numbers);
        if (batch.Messages.Length > 0 && numbers.Seq is null)
        {
            var accepted = ErrorContract.Accepts<ProtocolFormatException>(() => ClientPayload.ParseContent(envelope, allowEnvelope: true));
            return (!accepted).Label("messages without a seq are refused");
        }

        var content = ClientPayload.ParseContent(envelope, allowEnvelope: true);
        return ReadBack.Exactly(content.Messages, content.Numbers, batch.Messages, numbers);
    }

    // A 2010 payload reads the same where the server also accepts envelopes.
    private static Property ReadsBackBothWays(Message[] sent) =>
        ReadBack.Exactly(ServerFrame.Parse(ServerFrame.Encode(sent)), sent)
            .And(ReadBack.Exactly(ClientPayload.Parse(ClientPayload.Encode(sent)), sent))
            .And(ReadBack.Exactly(ClientPayload.ParseContent(ClientPayload.Encode(sent), allowEnvelope: true).Messages, sent));
}
