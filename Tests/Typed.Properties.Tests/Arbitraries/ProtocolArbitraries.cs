using Typed.Framing;

namespace Typed.Properties.Tests.Arbitraries;

/// <summary>The generators the properties draw their parameters from, by parameter type.</summary>
public static class ProtocolArbitraries
{
    public static Arbitrary<Message> Message() => Messages.Any.ToArbitrary();

    public static Arbitrary<Batch> Batch() => Arbitraries.Batch.Any.ToArbitrary();

    public static Arbitrary<DrawnNumbers> DrawnNumbers() => Numbers.Any.ToArbitrary();

    public static Arbitrary<SpelledText> SpelledText() => SpelledTexts.Any.ToArbitrary();

    public static Arbitrary<HostileInput> HostileInput() => HostileInputs.Any.ToArbitrary();

    public static Arbitrary<FormBody> FormBody() => FormBodies.Encoded.ToArbitrary();
}
