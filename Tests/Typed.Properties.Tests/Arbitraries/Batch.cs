using Typed.Properties.Tests.Support;

namespace Typed.Properties.Tests.Arbitraries;

/// <summary>The messages of one frame or payload, as many as a busy session batches.</summary>
public sealed record Batch(Message[] Messages)
{
    public static Gen<Batch> Any => Arbitraries.Messages.Any.ArrayOf().ScaleSize(size => Math.Min(size, 20)).Select(messages => new Batch(messages));

    public override string ToString() => Show.Messages(Messages);
}
