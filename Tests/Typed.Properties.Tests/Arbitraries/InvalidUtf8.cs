namespace Typed.Properties.Tests.Arbitraries;

/// <summary>Byte sequences that are not UTF-8, of every kind a strict decoder must refuse.</summary>
internal static class InvalidUtf8
{
    private static readonly byte[][] Sequences =
    [
        [0x80], // a continuation byte with no lead
        [0xBF, 0xBF],
        [0xC3], // a lead byte cut short
        [0xE2, 0x80], // U+2028 cut short
        [0xF0, 0x9F, 0x98], // an emoji cut short
        [0xC0, 0x80], // NUL in two bytes (overlong)
        [0xC1, 0xBF],
        [0xE0, 0x80, 0xBC], // '<' in three bytes (overlong), which must not slip past the script escape
        [0xF0, 0x80, 0x80, 0xBC],
        [0xED, 0xA0, 0x80], // a UTF-16 surrogate encoded as if it were a character
        [0xED, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], // above U+10FFFF
        [0xF8, 0x88, 0x80, 0x80, 0x80], // five-byte form
        [0xFE],
        [0xFF],
    ];

    public static Gen<byte[]> Any => Gen.Elements(Sequences);
}
