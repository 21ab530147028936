using System.Text;

namespace Typed.Properties.Tests.Arbitraries;

/// <summary>
/// Input from a peer that cannot be trusted: random bytes, random text, JSON tokens in random
/// order, edited valid frames, and nesting around and far beyond the parsers' depth limit.
/// </summary>
internal static class HostileInputs
{
    private static readonly string[] JsonTokens =
    [
        "{", "}", "[", "]", ",", ":", "\"", "\"messages\"", "\"seq\"", "\"ack\"", "\"heartbeat\"", "\"sessionid\"", "\"a\"",
        "\"\\u003c\"", "\"\\ud800\"", "\\", "1", "-1", "0.5", "1e999", "99999999999999999999", "true", "null", " ", "\n", "~m~",
    ];

    public static Gen<HostileInput> Any =>
        Gen.Frequency(
            (1, RandomBytes),
            (1, RandomText),
            (2, Gen.Elements(JsonTokens).ArrayOf().Select(tokens => new HostileInput("JSON tokens", Encoding.UTF8.GetBytes(string.Concat(tokens))))),
            (4, ValidFrames.Any.SelectMany(Mutations.Of)),
            (1, DeepNesting));

    public static Gen<HostileInput> RandomBytes => ArbMap.Default.GeneratorFor<byte[]>().Select(bytes => new HostileInput("random bytes", bytes));

    public static Gen<HostileInput> RandomText => MessageTexts.Any.Select(text => new HostileInput("random text", Encoding.UTF8.GetBytes(text)));

    private static Gen<HostileInput> DeepNesting =>
        from depth in Gen.Elements(62, 63, 64, 65, 1000, 100_000)
        from open in Gen.Elements("[", "{\"a\":", "[{\"a\":")
        select new HostileInput($"{depth} levels of {open}", Encoding.UTF8.GetBytes(Nested(depth, open)));

    // Inside a frame's messages (which is also an acknowledged payload's shape), either all levels
    // closed or half of them, so that parsers meet both the depth limit and the input's end.
    private static string Nested(int depth, string open)
    {
        var close = string.Concat(open.Reverse().Where(c => c is '[' or '{').Select(c => c == '[' ? ']' : '}'));
        var builder = new StringBuilder("{\"messages\":[");
        builder.Insert(builder.Length, open, depth).Append("null");
        builder.Insert(builder.Length, close, depth % 2 == 0 ? depth : depth / 2);
        return builder.Append("]}").ToString();
    }
}
