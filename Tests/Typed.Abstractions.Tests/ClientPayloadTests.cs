using System.Buffers;
using Typed.Framing;
using Typed.Messages;

namespace Typed.Abstractions.Tests;

public class ClientPayloadTests
{
    private static Message[] SampleMessages() =>
    [
        Message.FromText("hi \"there\"\n"),
        Message.FromJson("{ \"a\" : [1, 2] }"),
        Message.FromJson("[true,null]"),
        Message.FromJson("3.50"),
        Message.FromJson("\"caf\\u00e9\""),
        Message.FromText("\U0001F600 \u4e2d\u6587"),
    ];

    private const string SamplePayload =
        "[\"hi \\\"there\\\"\\n\",{ \"a\" : [1, 2] },[true,null],3.50,\"caf\\u00e9\",\"\U0001F600 \u4e2d\u6587\"]";

    [Fact]
    public void Encode_writes_a_json_array_of_the_message_bytes()
    {
        Assert.Equal(Utf8Bytes.Of(SamplePayload), ClientPayload.Encode(SampleMessages()));
    }

    [Fact]
    public void Encode_of_no_messages_is_an_empty_array()
    {
        Assert.Equal(Utf8Bytes.Of("[]"), ClientPayload.Encode());
    }

    [Fact]
    public void Encode_rejects_the_empty_default_message()
    {
        Assert.Throws<ArgumentException>(() => ClientPayload.Encode(default(Message)));
    }

    [Fact]
    public void Write_produces_the_same_bytes_as_Encode()
    {
        var output = new ArrayBufferWriter<byte>();

        ClientPayload.Write(output, SampleMessages());

        Assert.Equal(ClientPayload.Encode(SampleMessages()), output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Parse_of_Encode_round_trips_byte_for_byte()
    {
        var sent = SampleMessages();

        var received = ClientPayload.Parse(ClientPayload.Encode(sent));

        Assert.Equal(sent.Select(m => m.Json.ToArray()), received.Select(m => m.Json.ToArray()));
        Assert.Equal("caf\u00e9", received[4].Text);
    }

    [Fact]
    public void Parse_keeps_lone_surrogates_sent_by_the_client()
    {
        var received = ClientPayload.Parse(ClientPayload.Encode("\uDC00x\uD800"));

        Assert.Equal("\uDC00x\uD800", Assert.Single(received).Text);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData(" [ ] ")]
    [InlineData("\r\n[\n]\t")]
    public void An_empty_array_holds_no_messages(string payload)
    {
        Assert.Empty(ClientPayload.Parse(Utf8Bytes.Of(payload)));
    }

    [Fact]
    public void White_space_between_elements_is_not_part_of_the_messages()
    {
        var messages = ClientPayload.Parse(Utf8Bytes.Of(" [ \"a\" ,\n\t{\"b\" : 2}\r\n, 3 ,[ ] ]\n"));

        Assert.Equal(["\"a\"", "{\"b\" : 2}", "3", "[ ]"], messages.Select(m => m.ToJsonString()));
    }

    [Fact]
    public void Parse_accepts_nesting_64_deep_counting_the_payload_array()
    {
        var payload = "[" + Utf8Bytes.Nested('[', ']', 63) + "]";

        var message = Assert.Single(ClientPayload.Parse(Utf8Bytes.Of(payload)));

        Assert.Equal(Utf8Bytes.Nested('[', ']', 63), message.ToJsonString());
    }

    [Theory]
    [InlineData(65)]
    [InlineData(10_000)]
    public void Parse_rejects_nesting_deeper_than_64(int depth)
    {
        Assert.Throws<ProtocolFormatException>(() => ClientPayload.Parse(Utf8Bytes.Of(Utf8Bytes.Nested('[', ']', depth))));
        Assert.Throws<ProtocolFormatException>(() => ClientPayload.Parse(Utf8Bytes.Of("[" + Utf8Bytes.NestedObjects(depth - 1) + "]")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("{}")]
    [InlineData("{\"messages\":[1]}")]
    [InlineData("\"[1]\"")]
    [InlineData("1")]
    [InlineData("null")]
    [InlineData("[")]
    [InlineData("[1")]
    [InlineData("[1,")]
    [InlineData("[\"unterminated]")]
    [InlineData("[1,]")]
    [InlineData("[,1]")]
    [InlineData("[1 2]")]
    [InlineData("[1]]")]
    [InlineData("[1] [2]")]
    [InlineData("[1][2]")]
    [InlineData("[1]x")]
    [InlineData("[1],")]
    [InlineData("['a']")]
    [InlineData("[undefined]")]
    [InlineData("[\"raw\ttab\"]")]
    [InlineData("[\"bad \\q escape\"]")]
    [InlineData("[1] // comment")]
    public void Parse_rejects_anything_but_one_json_array(string payload)
    {
        Assert.Throws<ProtocolFormatException>(() => ClientPayload.Parse(Utf8Bytes.Of(payload)));
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xE0, 0x80, 0xAF })]
    [InlineData(new byte[] { 0xF0, 0x80, 0x80, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0xFE })]
    [InlineData(new byte[] { 0xE2, 0x82 })]
    public void Parse_rejects_invalid_utf8_inside_a_string(byte[] raw)
    {
        Assert.Throws<ProtocolFormatException>(() => ClientPayload.Parse(Utf8Bytes.Around("[\"ok\",\"", raw, "\"]")));
    }

    [Fact]
    public void Parse_rejects_invalid_utf8_after_the_array()
    {
        Assert.Throws<ProtocolFormatException>(() => ClientPayload.Parse(Utf8Bytes.Around("[1]", [0xC3], "")));
    }

    [Fact]
    public void An_envelope_member_name_escaping_a_lone_surrogate_is_just_another_member()
    {
        var content = ClientPayload.ParseContent(Utf8Bytes.Of("{\"seq\\ud800\":1,\"seq\":3,\"messages\":[\"yes\"]}"), allowEnvelope: true);

        Assert.Equal("yes", Assert.Single(content.Messages).Text);
        Assert.Equal(3, content.Numbers.Seq);
    }
}
