using Typed.Properties.Tests.Support;

namespace Typed.Properties.Tests.Arbitraries;

/// <summary>Bytes that no parser may trust, and how they were made (shown when a property fails).</summary>
public sealed record HostileInput(string How, byte[] Bytes)
{
    public override string ToString() => $"{How}: {Show.Bytes(Bytes)}";
}
