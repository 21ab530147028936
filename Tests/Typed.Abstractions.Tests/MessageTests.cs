using System.Text.Json;
using Typed.Messages;

namespace Typed.Abstractions.Tests;

public class MessageTests
{
    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("caf\u00e9 \u4e2d\u6587 \U0001F600")]
    [InlineData("{\"sessionid\":\"x\"}")]
    [InlineData("quote \" backslash \\ newline \n separator \u2028")]
    public void FromText_then_Text_returns_the_same_text(string text)
    {
        var message = Message.FromText(text);

        Assert.True(message.IsText);
        Assert.Equal(MessageKind.Text, message.Kind);
        Assert.Equal(text, message.Text);
    }

    [Fact]
    public void FromText_keeps_lone_surrogates()
    {
        const string text = "x\uD800y\uDC00";

        Assert.Equal(text, Message.FromText(text).Text);
    }

    [Fact]
    public void FromText_holds_the_text_as_a_json_string_literal()
    {
        var message = Message.FromText("say \"hi\"\n");

        Assert.Equal(Utf8Bytes.Of("\"say \\\"hi\\\"\\n\""), message.Json.ToArray());
    }

    [Fact]
    public void FromText_rejects_null()
    {
        Assert.Throws<ArgumentNullException>(() => Message.FromText(null!));
    }

    [Theory]
    [InlineData("\"text\"", MessageKind.Text)]
    [InlineData("\"\"", MessageKind.Text)]
    [InlineData("{\"a\":1}", MessageKind.Object)]
    [InlineData("{}", MessageKind.Object)]
    [InlineData("[1,2]", MessageKind.Array)]
    [InlineData("[]", MessageKind.Array)]
    [InlineData("42", MessageKind.Scalar)]
    [InlineData("-1.5e3", MessageKind.Scalar)]
    [InlineData("true", MessageKind.Scalar)]
    [InlineData("false", MessageKind.Scalar)]
    [InlineData("null", MessageKind.Scalar)]
    [InlineData("  [1]  ", MessageKind.Array)]
    public void Kind_is_the_json_type_of_the_value(string json, MessageKind expected)
    {
        var message = Message.FromJson(json);

        Assert.Equal(expected, message.Kind);
        Assert.Equal(expected == MessageKind.Text, message.IsText);
    }

    [Fact]
    public void FromJson_keeps_escapes_exactly_as_sent()
    {
        var message = Message.FromJson("\"caf\\u00e9\"");

        Assert.Equal(Utf8Bytes.Of("\"caf\\u00e9\""), message.Json.ToArray());
        Assert.Equal("caf\u00e9", message.Text);
    }

    [Theory]
    [InlineData("{ \"a\" : [ 1 , 2 ] ,\n\t\"b\":null }")]
    [InlineData("1.50")]
    [InlineData("1E+2")]
    [InlineData("\"\\/\\u0041\"")]
    [InlineData("[\"\\ud83d\\ude00\",\"\U0001F600\"]")]
    public void FromJson_keeps_the_bytes_of_the_value_unchanged(string json)
    {
        Assert.Equal(Utf8Bytes.Of(json), Message.FromJson(json).Json.ToArray());
    }

    [Theory]
    [InlineData(" {\"a\":1}", "{\"a\":1}")]
    [InlineData("{\"a\":1} ", "{\"a\":1}")]
    [InlineData(" \t\r\n\"x\"\n\r\t ", "\"x\"")]
    [InlineData("\n42\n", "42")]
    public void FromJson_drops_the_json_white_space_around_the_value(string json, string expected)
    {
        Assert.Equal(Utf8Bytes.Of(expected), Message.FromJson(json).Json.ToArray());
        Assert.Equal(Utf8Bytes.Of(expected), Message.FromJson(Utf8Bytes.Of(json)).Json.ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\t")]
    [InlineData("{")]
    [InlineData("}")]
    [InlineData("[1,]")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{'a':1}")]
    [InlineData("{a:1}")]
    [InlineData("nul")]
    [InlineData("True")]
    [InlineData("01")]
    [InlineData("1.")]
    [InlineData("NaN")]
    [InlineData("\"unterminated")]
    [InlineData("\"raw\nnewline\"")]
    [InlineData("\"bad \\x escape\"")]
    [InlineData("[1]]")]
    [InlineData("1 2")]
    [InlineData("{} {}")]
    [InlineData("\"a\" \"b\"")]
    [InlineData("[1][2]")]
    [InlineData("// comment\n1")]
    [InlineData("1 // comment")]
    [InlineData("\u00a01")]
    public void FromJson_rejects_anything_but_one_well_formed_value(string json)
    {
        Assert.Throws<ProtocolFormatException>(() => Message.FromJson(json));
        Assert.Throws<ProtocolFormatException>(() => Message.FromJson(Utf8Bytes.Of(json)));
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xE0, 0x80, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98 })]
    public void FromJson_rejects_invalid_utf8(byte[] raw)
    {
        Assert.Throws<ProtocolFormatException>(() => Message.FromJson(Utf8Bytes.Around("\"", raw, "\"")));
        Assert.Throws<ProtocolFormatException>(() => Message.FromJson(Utf8Bytes.Around("[\"ok\",\"", raw, "\"]")));
    }

    [Fact]
    public void FromJson_of_a_string_with_a_lone_surrogate_is_rejected_rather_than_altered()
    {
        Assert.Throws<ProtocolFormatException>(() => Message.FromJson("\"a\uD800b\""));
    }

    [Fact]
    public void FromJson_accepts_escaped_lone_surrogates_and_Text_returns_them()
    {
        var message = Message.FromJson("\"a\\ud800b\"");

        Assert.Equal("a\uD800b", message.Text);
    }

    [Fact]
    public void FromJson_accepts_nesting_64_deep()
    {
        var arrays = Utf8Bytes.Nested('[', ']', 64);
        var objects = Utf8Bytes.NestedObjects(64);

        Assert.Equal(MessageKind.Array, Message.FromJson(arrays).Kind);
        Assert.Equal(MessageKind.Object, Message.FromJson(objects).Kind);
    }

    [Theory]
    [InlineData(65)]
    [InlineData(1000)]
    [InlineData(100_000)]
    public void FromJson_rejects_nesting_deeper_than_64(int depth)
    {
        Assert.Throws<ProtocolFormatException>(() => Message.FromJson(Utf8Bytes.Nested('[', ']', depth)));
        Assert.Throws<ProtocolFormatException>(() => Message.FromJson(Utf8Bytes.NestedObjects(depth)));
    }

    [Fact]
    public void Messages_with_the_same_bytes_are_equal()
    {
        var a = Message.FromJson("{\"a\":[1,2]}");
        var b = Message.FromJson(Utf8Bytes.Of(" {\"a\":[1,2]}\n"));

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Messages_with_different_bytes_are_not_equal_even_if_the_json_means_the_same()
    {
        var compact = Message.FromJson("[1,2]");
        var spaced = Message.FromJson("[1, 2]");

        Assert.NotEqual(compact, spaced);
        Assert.True(compact != spaced);
        Assert.False(compact == spaced);
    }

    [Fact]
    public void A_string_sent_with_an_escape_differs_from_the_same_text_sent_raw()
    {
        var escaped = Message.FromJson("\"caf\\u00e9\"");
        var raw = Message.FromText("caf\u00e9");

        Assert.Equal(escaped.Text, raw.Text);
        Assert.NotEqual(escaped, raw);
        Assert.Equal(raw, Message.FromJson("\"caf\u00e9\""));
    }

    [Fact]
    public void A_message_is_not_equal_to_objects_of_other_types()
    {
        var message = Message.FromText("x");

        Assert.False(message.Equals((object)"x"));
        Assert.False(message.Equals((object?)null));
    }

    [Fact]
    public void A_string_converts_implicitly_to_a_text_message()
    {
        Message message = "hello \"world\"";

        Assert.True(message.IsText);
        Assert.Equal("hello \"world\"", message.Text);
        Assert.Equal(Message.FromText("hello \"world\""), message);
        Assert.Equal(Utf8Bytes.Of("\"hello \\\"world\\\"\""), message.Json.ToArray());
    }

    [Theory]
    [InlineData("{\"a\":\"b\"}")]
    [InlineData("[\"a\"]")]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("null")]
    public void Text_of_a_message_that_is_not_a_string_throws_InvalidOperationException(string json)
    {
        var message = Message.FromJson(json);

        Assert.Throws<InvalidOperationException>(() => message.Text);
    }

    [Fact]
    public void The_default_message_is_empty_and_has_no_text()
    {
        var message = default(Message);

        Assert.True(message.IsEmpty);
        Assert.False(message.IsText);
        Assert.Throws<InvalidOperationException>(() => message.Text);
        Assert.Throws<InvalidOperationException>(() => message.Kind);
        Assert.Equal(default(Message), message);
        Assert.Equal(string.Empty, message.ToString());
    }

    [Fact]
    public void ToString_gives_the_text_of_a_string_message_and_the_json_of_anything_else()
    {
        Assert.Equal("line\nbreak", Message.FromText("line\nbreak").ToString());
        Assert.Equal("{\"a\": 1}", Message.FromJson("{\"a\": 1}").ToString());
        Assert.Equal("\"line\\nbreak\"", Message.FromText("line\nbreak").ToJsonString());
    }

    [Fact]
    public void ToJsonDocument_parses_the_message()
    {
        using var document = Message.FromJson("{\"n\":42,\"s\":\"caf\\u00e9\"}").ToJsonDocument();

        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        Assert.Equal(42, document.RootElement.GetProperty("n").GetInt32());
        Assert.Equal("caf\u00e9", document.RootElement.GetProperty("s").GetString());
    }
}
