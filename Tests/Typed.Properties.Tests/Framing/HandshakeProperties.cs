using Typed.Framing;
using Typed.Properties.Tests.Arbitraries;

namespace Typed.Properties.Tests.Framing;

/// <summary>A client reads the session id and the delivery mode from the first message of its first frame, whatever follows it.</summary>
[ProtocolProperties(MaxTest = 300)]
public class HandshakeProperties
{
    [Property]
    public Property A_handshake_gives_back_its_session_id_and_delivery_mode_from_its_frame(Batch queued, bool acknowledged) =>
        Prop.ForAll(MessageTexts.WellFormed.Where(id => id.Length > 0).ToArbitrary(), sessionId =>
        {
            var frame = ServerFrame.Encode([Handshake.Create(sessionId, acknowledged), .. queued.Messages]);
            var read = Handshake.TryRead(ServerFrame.Parse(frame)[0], out var readId, out var readAcknowledged);
            return read && readId == sessionId && readAcknowledged == acknowledged;
        });

    [Property]
    public bool The_heartbeat_carries_no_messages_and_no_frame_is_taken_for_it(Message[] batch) =>
        ServerFrame.Parse(Heartbeat.Frame).Count == 0 && !Heartbeat.IsHeartbeat(ServerFrame.Encode(batch));
}
