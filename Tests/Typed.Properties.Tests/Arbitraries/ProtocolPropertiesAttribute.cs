namespace Typed.Properties.Tests.Arbitraries;

/// <summary>Properties whose parameters are drawn from the protocol's generators (<see cref="ProtocolArbitraries"/>).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ProtocolPropertiesAttribute : PropertiesAttribute
{
    public ProtocolPropertiesAttribute() => Arbitrary = [typeof(ProtocolArbitraries)];
}
