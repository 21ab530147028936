using Typed.Framing;
using Typed.Properties.Tests.Arbitraries;
using Typed.Properties.Tests.Support;

namespace Typed.Properties.Tests.Framing;

/// <summary>
/// No input makes a parser allocate out of proportion to its length: a peer cannot make the
/// other side reserve memory by claiming sizes or counts it does not send.
/// </summary>
[ProtocolProperties]
public class ParserAllocationProperties
{
    // Whatever is allocated once per process (static state, first-call caches) is not the input's doing.
    static ParserAllocationProperties() => Parsers.Parse(ServerFrame.Encode("warm", Message.FromJson("{\"event\":\"e\",\"args\":[]}")), Parsers.Receive);

    [Property(MaxTest = 300)]
    public Property Parsing_hostile_input_allocates_at_most_linearly_in_its_length(HostileInput input) =>
        WithinBound(input);

    [Property(MaxTest = 30)]
    public Property Parsing_huge_hostile_input_allocates_at_most_linearly_in_its_length() =>
        Prop.ForAll(HugeInputs.Any.ToArbitrary(), WithinBound);

    private static Property WithinBound(HostileInput input)
    {
        var allocated = Allocations.Of(() => Parsers.Parse(input.Bytes, Parsers.Receive));
        var bound = Allocations.Bound(input.Bytes.Length);
        return (allocated <= bound).Label($"allocated {allocated} bytes, bound {bound}");
    }
}
