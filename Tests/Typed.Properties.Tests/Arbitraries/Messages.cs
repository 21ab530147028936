namespace Typed.Properties.Tests.Arbitraries;

/// <summary>
/// Messages as senders make them: plain strings from any text, and JSON values of every kind,
/// white space inside them kept as it was written.
/// </summary>
internal static class Messages
{
    public static Gen<Message> Any =>
        Gen.Frequency(
            (3, MessageTexts.Any.Select(Message.FromText)),
            (1, SpelledTexts.Any.Select(spelled => Message.FromJson(spelled.Literal))),
            (2, JsonTexts.Value.Select(Message.FromJson)));
}
