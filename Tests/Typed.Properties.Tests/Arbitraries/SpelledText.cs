using System.Globalization;
using Typed.Properties.Tests.Support;

namespace Typed.Properties.Tests.Arbitraries;

/// <summary>Text and one JSON string literal that spells it, written in any of the ways JSON allows.</summary>
public sealed record SpelledText(string Text, string Literal)
{
    public override string ToString() => $"text {Show.Text(Text)} spelled {Show.Text(Literal)}";
}

/// <summary>
/// Spells text as a JSON literal independently of the project's encoder: each character literal
/// where JSON allows it or escaped (short form, <c>\uXXXX</c> in either case, <c>\/</c>), a
/// surrogate pair literal or as two escapes, a lone surrogate always as an escape (a JSON text
/// in UTF-8 cannot hold it otherwise).
/// </summary>
internal static class SpelledTexts
{
    public static Gen<SpelledText> Any =>
        from text in MessageTexts.Any
        from spellings in Gen.CollectToArray(Units(text), Spell)
        select new SpelledText(text, "\"" + string.Concat(spellings) + "\"");

    private static Gen<string> Spell(string unit)
    {
        if (unit.Length == 2)
        {
            return Gen.OneOf(Gen.Constant(unit), from high in Escape(unit[0]) from low in Escape(unit[1]) select high + low);
        }

        var c = unit[0];
        var shortForm = c switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '/' => "\\/",
            '\b' => "\\b",
            '\f' => "\\f",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            _ => null,
        };
        var mustEscape = c < ' ' || c is '"' or '\\' || char.IsSurrogate(c);
        var spellings = new List<Gen<string>> { Escape(c) };
        if (shortForm is not null)
        {
            spellings.Add(Gen.Constant(shortForm));
        }

        if (!mustEscape)
        {
            spellings.Add(Gen.Constant(unit));
            spellings.Add(Gen.Constant(unit));
        }

        return Gen.OneOf(spellings);
    }

    private static Gen<string> Escape(char c) =>
        Gen.Elements("x4", "X4").Select(format => "\\u" + ((int)c).ToString(format, CultureInfo.InvariantCulture));

    // Surrogate pairs stay together, so that they are spelled literally or not at all.
    private static IEnumerable<string> Units(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                yield return text.Substring(i++, 2);
            }
            else
            {
                yield return text[i].ToString();
            }
        }
    }
}
