using System.Text;
using System.Text.Json;

namespace Typed.Properties.Tests.Support;

/// <summary>
/// Whether two JSON texts are the same value however each is escaped and spaced: the same
/// structure, numbers as written, strings and names equal to the last UTF-16 unit.
/// </summary>
internal static class JsonEquivalence
{
    public static bool Same(ReadOnlyMemory<byte> left, ReadOnlyMemory<byte> right) => Tokens(left).SequenceEqual(Tokens(right));

    public static bool Same(IReadOnlyList<Message> left, IReadOnlyList<Message> right) =>
        left.Count == right.Count && left.Zip(right).All(pair => Same(pair.First.Json, pair.Second.Json));

    private static List<string> Tokens(ReadOnlyMemory<byte> json)
    {
        var tokens = new List<string>();
        var reader = new Utf8JsonReader(json.Span);
        while (reader.Read())
        {
            tokens.Add(reader.TokenType switch
            {
                // The reader's own decoding would throw for an escaped lone surrogate.
                JsonTokenType.String or JsonTokenType.PropertyName => $"{reader.TokenType} {JsonString.Read([(byte)'"', .. reader.ValueSpan, (byte)'"'])}",
                JsonTokenType.Number => $"Number {Encoding.UTF8.GetString(reader.ValueSpan)}",
                _ => reader.TokenType.ToString(),
            });
        }

        return tokens;
    }
}
