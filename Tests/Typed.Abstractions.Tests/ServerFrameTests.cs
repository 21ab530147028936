using System.Buffers;
using Typed.Buffers;
using Typed.Framing;
using Typed.Messages;

namespace Typed.Abstractions.Tests;

public class ServerFrameTests
{
    private static Message[] SampleMessages() =>
    [
        Message.FromText("hi \"there\"\n"),
        Message.FromJson("{ \"a\" : 1 }"),
        Message.FromJson("[true,null]"),
        Message.FromJson("-0.5e10"),
        Message.FromJson("\"caf\\u00e9\""),
        Message.FromText("\U0001F600\u2028"),
    ];

    private const string SampleFrame =
        "{\"messages\":[\"hi \\\"there\\\"\\n\",{ \"a\" : 1 },[true,null],-0.5e10,\"caf\\u00e9\",\"\U0001F600\\u2028\"]}";

    [Fact]
    public void Encode_writes_the_messages_object_with_each_message_bytes()
    {
        Assert.Equal(Utf8Bytes.Of(SampleFrame), ServerFrame.Encode(SampleMessages()));
    }

    [Fact]
    public void A_frame_parsed_into_a_given_list_fills_that_list()
    {
        var reused = new List<Message> { Message.FromText("left over") };
        reused.Clear();

        var content = ServerFrame.ParseContent(Utf8Bytes.Of(SampleFrame), reused);

        Assert.Same(reused, content.Messages);
        Assert.Equal(SampleMessages().Select(m => m.ToString()), reused.Select(m => m.ToString()));
    }

    [Fact]
    public void A_frame_without_messages_leaves_a_given_list_alone()
    {
        var reused = new List<Message>();

        var content = ServerFrame.ParseContent(Utf8Bytes.Of("{\"heartbeat\":1}"), reused);

        Assert.Empty(content.Messages);
        Assert.Empty(reused);
    }

    [Fact]
    public void Encode_of_one_message()
    {
        Assert.Equal(Utf8Bytes.Of("{\"messages\":[\"hello\"]}"), ServerFrame.Encode("hello"));
    }

    [Fact]
    public void Encode_of_no_messages_is_an_empty_array()
    {
        Assert.Equal(Utf8Bytes.Of("{\"messages\":[]}"), ServerFrame.Encode());
    }

    [Fact]
    public void Encode_rejects_the_empty_default_message()
    {
        Assert.Throws<ArgumentException>(() => ServerFrame.Encode(Message.FromText("a"), default));
    }

    [Fact]
    public void Parse_returns_the_messages_with_their_bytes_as_sent()
    {
        var messages = ServerFrame.Parse(Utf8Bytes.Of(SampleFrame));

        Assert.Equal(SampleMessages(), messages);
        Assert.Equal(
            ["\"hi \\\"there\\\"\\n\"", "{ \"a\" : 1 }", "[true,null]", "-0.5e10", "\"caf\\u00e9\"", "\"\U0001F600\\u2028\""],
            messages.Select(m => m.ToJsonString()));
        Assert.Equal("hi \"there\"\n", messages[0].Text);
        Assert.Equal("caf\u00e9", messages[4].Text);
    }

    [Fact]
    public void Parse_of_Encode_round_trips_byte_for_byte()
    {
        var sent = SampleMessages();

        var received = ServerFrame.Parse(ServerFrame.Encode(sent));

        Assert.Equal(sent.Select(m => m.Json.ToArray()), received.Select(m => m.Json.ToArray()));
    }

    [Fact]
    public void Parse_keeps_escaped_lone_surrogates()
    {
        var received = ServerFrame.Parse(ServerFrame.Encode(Message.FromText("a\uD800")));

        Assert.Equal("a\uD800", Assert.Single(received).Text);
    }

    [Fact]
    public void White_space_around_and_between_messages_is_not_part_of_them()
    {
        var messages = ServerFrame.Parse(Utf8Bytes.Of(" {\n \"messages\" : [ 1 ,\t\"two\"\r\n, { \"three\" : 3 } ] \n} "));

        Assert.Equal(["1", "\"two\"", "{ \"three\" : 3 }"], messages.Select(m => m.ToJsonString()));
    }

    [Theory]
    [InlineData("{\"id\":1,\"messages\":[\"yes\"]}")]
    [InlineData("{\"messages\":[\"yes\"],\"id\":1}")]
    [InlineData("{\"before\":{\"messages\":[\"no\"]},\"messages\":[\"yes\"],\"after\":[\"no\",{\"x\":[]}]}")]
    [InlineData("{\"a\":null,\"b\":[[[]]],\"messages\":[\"yes\"],\"c\":\"messages\"}")]
    public void Members_other_than_messages_are_ignored(string frame)
    {
        var message = Assert.Single(ServerFrame.Parse(Utf8Bytes.Of(frame)));

        Assert.Equal("yes", message.Text);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"heartbeat\":\"1\"}")]
    [InlineData("{\"other\":[1,2],\"nested\":{\"messages\":[1]}}")]
    [InlineData("{\"Messages\":[1]}")]
    [InlineData("{\"messages\":[]}")]
    public void A_frame_without_messages_yields_none(string frame)
    {
        Assert.Empty(ServerFrame.Parse(Utf8Bytes.Of(frame)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("[]")]
    [InlineData("[\"hi\"]")]
    [InlineData("\"{\\\"messages\\\":[]}\"")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("{")]
    [InlineData("{\"messages\":[1,2}")]
    [InlineData("{\"messages\":[1,2]")]
    [InlineData("{\"messages\":[1,]}")]
    [InlineData("{\"messages\":[1 2]}")]
    [InlineData("{\"messages\":[1],}")]
    [InlineData("{messages:[1]}")]
    [InlineData("{\"messages\":\"x\"}")]
    [InlineData("{\"messages\":{}}")]
    [InlineData("{\"messages\":null}")]
    [InlineData("{\"messages\":1,\"more\":[1]}")]
    [InlineData("{\"messages\":[1]} x")]
    [InlineData("{\"messages\":[1]}{}")]
    [InlineData("{\"messages\":[1]}]")]
    [InlineData("{\"messages\":[1]},")]
    [InlineData("{\"messages\":[\"raw\nnewline\"]}")]
    public void Parse_rejects_malformed_frames(string frame)
    {
        Assert.Throws<ProtocolFormatException>(() => ServerFrame.Parse(Utf8Bytes.Of(frame)));
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xFF })]
    public void Parse_rejects_invalid_utf8(byte[] raw)
    {
        Assert.Throws<ProtocolFormatException>(() => ServerFrame.Parse(Utf8Bytes.Around("{\"messages\":[\"", raw, "\"]}")));
        Assert.Throws<ProtocolFormatException>(() => ServerFrame.Parse(Utf8Bytes.Around("{\"other\":\"", raw, "\",\"messages\":[]}")));
    }

    [Fact]
    public void Parse_rejects_nesting_deeper_than_64()
    {
        // The frame object and the messages array take two of the 64 levels.
        var deepest = "{\"messages\":[" + Utf8Bytes.Nested('[', ']', 62) + "]}";
        var tooDeep = "{\"messages\":[" + Utf8Bytes.Nested('[', ']', 63) + "]}";

        Assert.Single(ServerFrame.Parse(Utf8Bytes.Of(deepest)));
        Assert.Throws<ProtocolFormatException>(() => ServerFrame.Parse(Utf8Bytes.Of(tooDeep)));
    }

    [Fact]
    public void Streaming_writes_produce_the_same_bytes_as_Encode()
    {
        var messages = SampleMessages();
        using var output = new PooledBufferWriter();

        ServerFrame.WriteStart(output);
        for (var i = 0; i < messages.Length; i++)
        {
            ServerFrame.WriteMessage(output, messages[i], first: i == 0);
        }

        ServerFrame.WriteEnd(output);

        Assert.Equal(ServerFrame.Encode(messages), output.ToArray());
    }

    [Fact]
    public void Streaming_no_messages_produces_the_same_bytes_as_Encode()
    {
        var output = new ArrayBufferWriter<byte>();

        ServerFrame.WriteStart(output);
        ServerFrame.WriteEnd(output);

        Assert.Equal(ServerFrame.Encode(), output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Write_produces_the_same_bytes_as_Encode()
    {
        var messages = SampleMessages();
        var output = new ArrayBufferWriter<byte>();

        ServerFrame.Write(output, messages);

        Assert.Equal(ServerFrame.Encode(messages), output.WrittenSpan.ToArray());
    }

    [Fact]
    public void A_member_name_escaping_a_lone_surrogate_is_just_another_member()
    {
        var content = ServerFrame.ParseContent(Utf8Bytes.Of("{\"\\ud800\":1,\"messages\\udc00\":[\"no\"],\"seq\":2,\"messages\":[\"yes\"]}"));

        Assert.Equal("yes", Assert.Single(content.Messages).Text);
        Assert.Equal(2, content.Numbers.Seq);
    }
}
