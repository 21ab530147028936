using System.Text;

namespace Typed.Properties.Tests.Arbitraries;

/// <summary>
/// Large hostile input of the shapes that could make a parser allocate out of proportion: up to
/// a million tiny messages or members, nesting a million deep, a length prefix claiming 2 GB,
/// strings made of escapes, a million frames run together.
/// </summary>
internal static class HugeInputs
{
    private static readonly (string Name, string Start, string Repeated, string End)[] Shapes =
    [
        ("tiny messages in a frame", "{\"messages\":[", "1,", "1]}"),
        ("empty strings in a payload", "[", "\"\",", "\"\"]"),
        ("empty arrays in a payload", "[", "[],", "[]]"),
        ("one-letter strings in an envelope", "{\"seq\":1,\"messages\":[", "\"a\",", "\"a\"]}"),
        ("escapes in one string", "{\"messages\":[\"", "\\u0041\\n\\ud800", "\"]}"),
        ("repeated messages members", "{", "\"messages\":[1],", "\"seq\":1}"),
        ("unknown members", "{", "\"x\":{},", "\"y\":0}"),
        ("nesting, never closed", "{\"messages\":", "[", ""),
        ("frames run together", "", "{\"messages\":[1]}", ""),
        ("a 2 GB length prefix", "~m~2147483648~m~{\"messages\":[\"", "a", "\"]}"),
        ("a number with a million digits", "[", "9", "]"),
    ];

    public static Gen<HostileInput> Any =>
        from shape in Gen.Elements(Shapes)
        from count in Gen.Frequency((1, Gen.Constant(1_000_000)), (5, Gen.Choose(1, 20_000)))
        select new HostileInput($"{shape.Name}, {count} times", Build(shape.Start, shape.Repeated, count, shape.End));

    private static byte[] Build(string start, string repeated, int count, string end)
    {
        var text = new StringBuilder(start, start.Length + (repeated.Length * count) + end.Length);
        return Encoding.UTF8.GetBytes(text.Insert(text.Length, repeated, count).Append(end).ToString());
    }
}
