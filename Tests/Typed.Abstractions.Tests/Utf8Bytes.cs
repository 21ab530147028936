using System.Text;

namespace Typed.Abstractions.Tests;

internal static class Utf8Bytes
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The UTF-8 bytes of <paramref name="text"/>; throws for text that has no UTF-8 form.</summary>
    public static byte[] Of(string text) => Strict.GetBytes(text);

    /// <summary>Bytes written as <c>prefix + raw + suffix</c>, for inputs that are deliberately not valid UTF-8.</summary>
    public static byte[] Around(string prefix, byte[] raw, string suffix) => [.. Of(prefix), .. raw, .. Of(suffix)];

    public static string Nested(char open, char close, int depth) => new string(open, depth) + new string(close, depth);

    public static string NestedObjects(int depth)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < depth - 1; i++)
        {
            builder.Append("{\"a\":");
        }

        builder.Append("{}");
        builder.Append('}', depth - 1);
        return builder.ToString();
    }
}
