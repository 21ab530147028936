using Typed.Framing;

namespace Typed.Properties.Tests.Support;

/// <summary>Checks that what a parser read back is what was sent, saying what it read when it is not.</summary>
internal static class ReadBack
{
    /// <summary>The same messages, in order, byte for byte.</summary>
    public static Property Exactly(IReadOnlyList<Message> read, IReadOnlyList<Message> sent) =>
        read.SequenceEqual(sent).Label($"read back {Show.Messages(read)}");

    /// <summary>The same messages and the same acknowledged-delivery numbers.</summary>
    public static Property Exactly(IReadOnlyList<Message> read, DeliveryNumbers readNumbers, IReadOnlyList<Message> sent, DeliveryNumbers sentNumbers) =>
        Exactly(read, sent).And((readNumbers == sentNumbers).Label($"numbers read back as {readNumbers}"));
}
