using Typed.Properties.Tests.Arbitraries;
using Typed.Properties.Tests.Support;

namespace Typed.Properties.Tests.Http;

/// <summary>
/// The server reads the payload out of any client's form body exactly, refuses hostile bodies
/// only with the errors it answers 400 for, and allocates in proportion to what it was sent.
/// </summary>
[ProtocolProperties(MaxTest = 500)]
public class PostBodyProperties
{
    [Property]
    public Property A_payload_form_encoded_as_clients_do_decodes_to_exactly_its_bytes(FormBody body)
    {
        var data = UpstreamBody.Data(body.Body);
        return (data is not null && data.AsSpan().SequenceEqual(body.Payload)).Label($"decoded {(data is null ? "no data field" : Show.Bytes(data))}");
    }

    [Property]
    public Property A_form_encoded_payload_reaches_the_session_as_the_messages_sent(FormBody body)
    {
        var read = UpstreamBody.Read(body.Body, acknowledged: false);
        return read is null ? false.Label("the body was refused") : ReadBack.Exactly(read, body.Sent);
    }

    [Property(MaxTest = 1000)]
    public Property Hostile_bodies_are_refused_only_with_the_errors_the_upstream_answers_400() =>
        Prop.ForAll(FormBodies.Hostile.ToArbitrary(), input =>
        {
            UpstreamBody.Read(input.Bytes, acknowledged: false);
            UpstreamBody.Read(input.Bytes, acknowledged: true);
        });

    [Property]
    public Property Reading_a_hostile_body_allocates_at_most_linearly_in_its_length() =>
        Prop.ForAll(FormBodies.Hostile.ToArbitrary(), input =>
        {
            var allocated = Allocations.Of(() => UpstreamBody.Read(input.Bytes, acknowledged: true));
            return (allocated <= Allocations.Bound(input.Bytes.Length)).Label($"allocated {allocated} bytes");
        });
}
