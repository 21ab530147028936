using System.Text;

namespace Typed.Properties.Tests.Support;

/// <summary>Renders generated input readably in a failing property's counterexample.</summary>
internal static class Show
{
    private const int MaxShown = 300;

    /// <summary>Text with every unit outside printable ASCII as <c>\uXXXX</c>, cut short when long.</summary>
    public static string Text(string text)
    {
        var shown = new StringBuilder("\"");
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, MaxShown)))
        {
            shown.Append(c is >= ' ' and <= '~' and not '\\' and not '"' ? c.ToString() : $"\\u{(int)c:x4}");
        }

        return shown.Append(text.Length > MaxShown ? $"\"... ({text.Length} units)" : "\"").ToString();
    }

    /// <summary>Bytes with every byte outside printable ASCII as <c>\xHH</c>, cut short when long.</summary>
    public static string Bytes(ReadOnlySpan<byte> bytes)
    {
        var shown = new StringBuilder("b\"");
        foreach (var b in bytes[..Math.Min(bytes.Length, MaxShown)])
        {
            shown.Append(b is >= (byte)' ' and <= (byte)'~' and not (byte)'\\' and not (byte)'"' ? ((char)b).ToString() : $"\\x{b:x2}");
        }

        return shown.Append(bytes.Length > MaxShown ? $"\"... ({bytes.Length} bytes)" : "\"").ToString();
    }

    public static string Messages(IEnumerable<Message> messages) =>
        "[" + string.Join(", ", messages.Select(m => Bytes(m.Json.Span))) + "]";
}
