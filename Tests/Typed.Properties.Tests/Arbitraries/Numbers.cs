using Typed.Framing;

namespace Typed.Properties.Tests.Arbitraries;

/// <summary>Acknowledged-delivery numbers: each left out or any whole number from zero to the largest.</summary>
internal static class Numbers
{
    public static Gen<DrawnNumbers> Any =>
        from seq in Number
        from ack in Number
        select new DrawnNumbers(seq, ack);

    private static Gen<long?> Number =>
        Gen.Frequency(
            (1, Gen.Constant<long?>(null)),
            (1, Gen.Elements<long?>(0, 1, int.MaxValue, (long)int.MaxValue + 1, long.MaxValue)),
            (2, ArbMap.Default.GeneratorFor<long>().Select(n => (long?)(n == long.MinValue ? 0 : Math.Abs(n)))));
}

/// <summary>Acknowledged delivery's numbers as a property draws them (the runtime's own type is internal).</summary>
public readonly record struct DrawnNumbers(long? Seq, long? Ack)
{
    internal DeliveryNumbers Value => new(Seq, Ack);
}
