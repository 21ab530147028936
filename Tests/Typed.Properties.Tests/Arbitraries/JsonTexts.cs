using System.Globalization;

namespace Typed.Properties.Tests.Arbitraries;

/// <summary>
/// JSON texts of every kind of value, nested a few levels, with white space (line breaks too)
/// between tokens, and numbers written as senders write them (<c>-0</c>, <c>3.50</c>, <c>1E+2</c>).
/// </summary>
internal static class JsonTexts
{
    private const int MaxDepth = 4;

    public static Gen<string> Value => Gen.Sized(size => ValueOf(Math.Min(size / 8, MaxDepth)));

    private static Gen<string> Space => Gen.Elements("", "", "", " ", "\t", "\n", "\r\n", "\n\n", "\r\n\r\n");

    private static Gen<string> Number =>
        Gen.OneOf(
            Gen.Elements("0", "-0", "1", "-1", "3.50", "1e10", "1E+2", "-2.5e-3", "0.0", "1e400", "123456789012345678901234567890"),
            ArbMap.Default.GeneratorFor<long>().Select(n => n.ToString(CultureInfo.InvariantCulture)),
            ArbMap.Default.GeneratorFor<double>().Where(double.IsFinite).Select(d => d.ToString("R", CultureInfo.InvariantCulture)));

    private static Gen<string> Scalar =>
        Gen.Frequency(
            (3, SpelledTexts.Any.Select(spelled => spelled.Literal)),
            (2, Number),
            (1, Gen.Elements("true", "false", "null")));

    private static Gen<string> ValueOf(int depth) =>
        depth == 0
            ? Scalar
            : Gen.Frequency((3, Scalar), (1, ArrayOf(depth - 1)), (1, ObjectOf(depth - 1)));

    // A few elements per level, each smaller, so that nesting does not multiply the size.
    private static Gen<string> ArrayOf(int depth) =>
        Elements(Padded(ValueOf(depth))).Select(items => "[" + string.Join(",", items) + "]");

    private static Gen<string> ObjectOf(int depth) =>
        Elements(from name in Padded(SpelledTexts.Any.Select(spelled => spelled.Literal)) from value in Padded(ValueOf(depth)) select name + ":" + value)
            .Select(members => "{" + string.Join(",", members) + "}");

    private static Gen<string[]> Elements(Gen<string> element) =>
        Gen.Choose(0, 4).SelectMany(count => element.ScaleSize(size => size / 2).ArrayOf(count));

    private static Gen<string> Padded(Gen<string> token) =>
        from before in Space
        from value in token
        from after in Space
        select before + value + after;
}
