using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Typed.Messages;

namespace Typed.Abstractions.Tests;

public class JsonStringTests
{
    public static TheoryData<string> WellFormedTexts => new()
    {
        "",
        "plain text",
        "say \"hi\"",
        "\"",
        @"C:\path\to\file",
        "\\\"\\\"",
        "line one\nline two\r\nline three",
        "\ttabbed\tcolumns\t",
        "\b\f\r\n\t",
        "a/b</script>",
        "\u007f delete",
        "\U0001F600 \U0001F44D\U0001F3FD emoji",
        "caf\u00e9",
        "\u4e2d\u6587",
        "{\"sessionid\":\"x\"}",
        "[1,2,{\"a\":null}]",
        "\u2028\u2029",
        "before\u2028middle\u2029after",
        "\uFEFF byte order mark",
        "\uFFFF last BMP unit",
    };

    [Theory]
    [MemberData(nameof(WellFormedTexts))]
    public void Write_then_Read_returns_the_identical_text(string text)
    {
        var literal = JsonString.Encode(text);

        Assert.Equal(text, JsonString.Read(literal));
    }

    [Theory]
    [MemberData(nameof(WellFormedTexts))]
    [InlineData("caf\u00e9 \u4e2d\u6587, nothing to escape")]
    public void Encode_gives_the_bytes_Write_gives(string text)
    {
        var writer = new ArrayBufferWriter<byte>();
        JsonString.Write(text, writer);

        Assert.Equal(writer.WrittenSpan.ToArray(), JsonString.Encode(text));
    }

    [Theory]
    [MemberData(nameof(WellFormedTexts))]
    public void Written_literal_is_valid_json_that_System_Text_Json_decodes_to_the_same_text(string text)
    {
        var literal = JsonString.Encode(text);

        Assert.Equal(text, JsonSerializer.Deserialize<string>(literal));
    }

    [Fact]
    public void Every_control_character_round_trips_and_never_appears_raw_on_the_wire()
    {
        for (var c = '\u0000'; c < ' '; c++)
        {
            var text = $"a{c}b";
            var literal = JsonString.Encode(text);

            Assert.Equal(text, JsonString.Read(literal));
            Assert.Equal(text, JsonSerializer.Deserialize<string>(literal));
            Assert.DoesNotContain(literal, b => b < 0x20);
        }
    }

    [Fact]
    public void All_control_characters_together_round_trip()
    {
        var text = new string([.. Enumerable.Range(0, 0x20).Select(i => (char)i)]);
        var literal = JsonString.Encode(text);

        Assert.Equal(text, JsonString.Read(literal));
        Assert.Equal(text, JsonSerializer.Deserialize<string>(literal));
    }

    [Theory]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    [InlineData("\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\"")]
    [InlineData("\u0000\u0001\u001f", "\"\\u0000\\u0001\\u001f\"")]
    [InlineData("", "\"\"")]
    [InlineData("a/b", "\"a/b\"")]
    public void Escapes_are_written_in_their_short_json_form(string text, string expectedLiteral)
    {
        Assert.Equal(Utf8Bytes.Of(expectedLiteral), JsonString.Encode(text));
    }

    [Fact]
    public void Non_ascii_text_is_written_as_raw_utf8_not_escaped()
    {
        const string text = "caf\u00e9 \u4e2d\u6587 \U0001F600";

        var literal = JsonString.Encode(text);

        Assert.Equal(Utf8Bytes.Of("\"" + text + "\""), literal);
    }

    [Theory]
    [InlineData("\u2028", "\"\\u2028\"")]
    [InlineData("\u2029", "\"\\u2029\"")]
    [InlineData("x\u2028y\u2029z", "\"x\\u2028y\\u2029z\"")]
    public void Line_and_paragraph_separators_are_escaped_on_the_wire(string text, string expectedLiteral)
    {
        var literal = JsonString.Encode(text);

        Assert.Equal(Utf8Bytes.Of(expectedLiteral), literal);
        Assert.Equal(text, JsonString.Read(literal));
    }

    [Fact]
    public void Lone_surrogates_survive_the_round_trip_escaped_as_hex()
    {
        var cases = new (string Text, string ExpectedLiteral)[]
        {
            ("\uD800", "\"\\ud800\""),
            ("\uDFFF", "\"\\udfff\""),
            ("a\uD83Dz", "\"a\\ud83dz\""),
            ("a\uDE00z", "\"a\\ude00z\""),
            ("end\uD83D", "\"end\\ud83d\""),
            ("\uDE00start", "\"\\ude00start\""),
            ("\uDE00\uD83D", "\"\\ude00\\ud83d\""),
            ("\uD83D\uD83D\uDE00", "\"\\ud83d\U0001F600\""),
            ("\U0001F600\uDE00", "\"\U0001F600\\ude00\""),
        };

        foreach (var (text, expectedLiteral) in cases)
        {
            var literal = JsonString.Encode(text);

            Assert.Equal(Utf8Bytes.Of(expectedLiteral), literal);
            Assert.True(Utf8.IsValid(literal));
            Assert.Equal(text, JsonString.Read(literal));
        }
    }

    [Fact]
    public void A_one_mebibyte_string_round_trips()
    {
        var text = Repeat("The quick brown fox \u00e9\u4e2d \"jumps\"\\ over\n", 1 << 20);

        var literal = JsonString.Encode(text);

        Assert.Equal(text, JsonString.Read(literal));
        Assert.Equal(text, JsonSerializer.Deserialize<string>(literal));
    }

    [Fact]
    public void A_one_mebibyte_string_without_escapes_is_its_utf8_between_quotes()
    {
        var text = Repeat("abc\u00e9\u4e2d", 1 << 20);

        var literal = JsonString.Encode(text);

        Assert.Equal(Utf8Bytes.Of("\"" + text + "\""), literal);
        Assert.Equal(text, JsonString.Read(literal));
    }

    [Fact]
    public void A_one_mebibyte_string_of_emoji_round_trips_as_raw_utf8()
    {
        var text = Repeat("\U0001F600", 1 << 20);

        var literal = JsonString.Encode(text);

        Assert.Equal(Utf8Bytes.Of("\"" + text + "\""), literal);
        Assert.Equal(text, JsonString.Read(literal));
        Assert.Equal(text, JsonSerializer.Deserialize<string>(literal));
    }

    [Theory]
    [InlineData(8191)]
    [InlineData(8192)]
    [InlineData(8193)]
    public void Surrogate_pairs_and_multibyte_characters_at_the_8192_char_boundary_survive(int prefixLength)
    {
        var text = new string('a', prefixLength) + "\U0001F600\u00e9" + new string('b', 9000) + "\u4e2d\uD800" + new string('c', 8191) + "\U0001F44D";

        var literal = JsonString.Encode(text);

        Assert.Equal(text, JsonString.Read(literal));
    }

    [Fact]
    public void Write_appends_to_what_the_output_already_holds()
    {
        var output = new ArrayBufferWriter<byte>();
        output.Write("["u8);

        JsonString.Write("x\ny", output);
        output.Write("]"u8);

        Assert.Equal(Utf8Bytes.Of("[\"x\\ny\"]"), output.WrittenSpan.ToArray());
    }

    [Theory]
    [InlineData("\"\\/\"", "/")]
    [InlineData("\"\\u00E9\\u00e9\"", "\u00e9\u00e9")]
    [InlineData("\"\\ud83d\\ude00\"", "\U0001F600")]
    [InlineData("\"\\b\\f\\n\\r\\t\\\"\\\\\"", "\b\f\n\r\t\"\\")]
    [InlineData("\"a\\u0041b\"", "aAb")]
    [InlineData("\"caf\u00e9 \\\"\u4e2d\\\"\"", "caf\u00e9 \"\u4e2d\"")]
    public void Read_decodes_every_json_escape(string literal, string expected)
    {
        Assert.Equal(expected, JsonString.Read(Utf8Bytes.Of(literal)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"")]
    [InlineData("abc")]
    [InlineData("\"abc")]
    [InlineData("abc\"")]
    [InlineData("'abc'")]
    [InlineData("\"\\\"")]
    [InlineData("\"abc\\\"")]
    [InlineData("\"\\x\"")]
    [InlineData("\"\\U0041\"")]
    [InlineData("\"\\u12\"")]
    [InlineData("\"\\u12G4\"")]
    [InlineData("\"\\u-123\"")]
    [InlineData("\"a\"b\"")]
    [InlineData("\"a\"\"")]
    [InlineData("\"raw\nnewline\"")]
    [InlineData("\"raw\u0001control\"")]
    [InlineData("\"escaped\\n then raw\ttab\"")]
    public void Read_of_a_malformed_literal_throws_FormatException(string literal)
    {
        Assert.Throws<FormatException>(() => JsonString.Read(Utf8Bytes.Of(literal)));
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xE2, 0x82 })]
    public void Read_of_a_literal_that_is_not_utf8_throws_FormatException(byte[] raw)
    {
        Assert.Throws<FormatException>(() => JsonString.Read(Utf8Bytes.Around("\"a", raw, "\"")));
        Assert.Throws<FormatException>(() => JsonString.Read(Utf8Bytes.Around("\"a\\n", raw, "\"")));
    }

    /// <summary>Whole copies of <paramref name="unit"/>, at least <paramref name="minimumLength"/> chars in all.</summary>
    private static string Repeat(string unit, int minimumLength) =>
        string.Concat(Enumerable.Repeat(unit, (minimumLength + unit.Length - 1) / unit.Length));
}
