using Typed.Framing;
using Typed.Messages;

namespace Typed.Abstractions.Tests;

public class HandshakeTests
{
    [Fact]
    public void The_handshake_is_a_string_message_holding_the_session_object_as_text()
    {
        var handshake = Handshake.Create("abc");

        Assert.Equal(MessageKind.Text, handshake.Kind);
        Assert.Equal("{\"sessionid\":\"abc\"}", handshake.Text);
        Assert.Equal(Utf8Bytes.Of("\"{\\\"sessionid\\\":\\\"abc\\\"}\""), handshake.Json.ToArray());
    }

    [Fact]
    public void The_handshake_travels_as_a_string_inside_a_server_frame()
    {
        var frame = ServerFrame.Encode(Handshake.Create("abc"));

        Assert.Equal(Utf8Bytes.Of("{\"messages\":[\"{\\\"sessionid\\\":\\\"abc\\\"}\"]}"), frame);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("8302217463927216")]
    [InlineData("a-b_c.d~e")]
    [InlineData("with \"quotes\" and \\backslash\\")]
    [InlineData("<script>&'+")]
    [InlineData("caf\u00e9 \u4e2d\u6587 \U0001F600")]
    [InlineData("new\nline")]
    public void Create_then_TryReadSessionId_returns_the_session_id(string sessionId)
    {
        var handshake = Handshake.Create(sessionId);

        Assert.True(Handshake.TryReadSessionId(handshake, out var read));
        Assert.Equal(sessionId, read);
    }

    [Fact]
    public void The_session_id_survives_a_trip_through_a_server_frame()
    {
        var received = Assert.Single(ServerFrame.Parse(ServerFrame.Encode(Handshake.Create("abc123"))));

        Assert.True(Handshake.TryReadSessionId(received, out var sessionId));
        Assert.Equal("abc123", sessionId);
    }

    [Fact]
    public void A_string_written_by_hand_is_read_as_a_handshake()
    {
        Assert.True(Handshake.TryReadSessionId(Message.FromText("{ \"sessionid\" : \"xyz\" }"), out var sessionId));
        Assert.Equal("xyz", sessionId);
    }

    [Fact]
    public void Create_rejects_a_missing_session_id()
    {
        Assert.Throws<ArgumentNullException>(() => Handshake.Create(null!));
        Assert.Throws<ArgumentException>(() => Handshake.Create(""));
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("")]
    [InlineData("sessionid")]
    [InlineData("{\"id\":\"abc\"}")]
    [InlineData("{}")]
    [InlineData("{\"sessionid\":42}")]
    [InlineData("{\"sessionid\":null}")]
    [InlineData("{\"sessionid\":\"\"}")]
    [InlineData("{\"sessionid\":[\"abc\"]}")]
    [InlineData("[\"sessionid\",\"abc\"]")]
    [InlineData("\"{\\\"sessionid\\\":\\\"abc\\\"}\"")]
    [InlineData("{\"sessionid\":\"abc\"")]
    [InlineData("{\"sessionid\":\"abc}")]
    [InlineData("{sessionid:\"abc\"}")]
    [InlineData("{\"sessionid\":\"abc\"} trailing")]
    [InlineData("{\"sessionid\":\"\\ud800\"}")]
    [InlineData("{\"sessionid\":\"abc\"}\uD800")]
    [InlineData("\uDC00")]
    public void TryReadSessionId_is_false_for_other_strings(string text)
    {
        Assert.False(Handshake.TryReadSessionId(Message.FromText(text), out var sessionId));
        Assert.Equal(string.Empty, sessionId);
    }

    [Theory]
    [InlineData("{\"sessionid\":\"abc\"}")]
    [InlineData("[\"{\\\"sessionid\\\":\\\"abc\\\"}\"]")]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("null")]
    public void TryReadSessionId_is_false_for_messages_that_are_not_strings(string json)
    {
        Assert.False(Handshake.TryReadSessionId(Message.FromJson(json), out var sessionId));
        Assert.Equal(string.Empty, sessionId);
    }

    [Fact]
    public void TryReadSessionId_is_false_for_the_empty_default_message()
    {
        Assert.False(Handshake.TryReadSessionId(default, out var sessionId));
        Assert.Equal(string.Empty, sessionId);
    }

    // Built in code: theory data passes through a serializer that replaces lone surrogates.
    [Fact]
    public void A_string_holding_a_lone_surrogate_is_not_a_handshake()
    {
        Assert.False(Handshake.TryReadSessionId(Message.FromText("\uDC00"), out _));
        Assert.False(Handshake.TryReadSessionId(Message.FromText("{\"sessionid\":\"abc\"}\uD800"), out _));
    }

    [Fact]
    public void An_acknowledged_handshake_tells_the_servers_timing_in_milliseconds()
    {
        var timing = new SessionTiming(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(36));
        var handshake = Handshake.Create("abc", acknowledged: true, timing);

        Assert.Equal("{\"sessionid\":\"abc\",\"acks\":true,\"heartbeat\":20000,\"timeout\":36000}", handshake.Text);
        Assert.True(Handshake.TryRead(handshake, out var sessionId, out var acknowledged, out var read));
        Assert.Equal(("abc", true, timing), (sessionId, acknowledged, read));
    }

    [Fact]
    public void A_2010_handshake_tells_no_timing_even_when_the_server_has_it()
    {
        var handshake = Handshake.Create("abc", acknowledged: false, new SessionTiming(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(8)));

        Assert.Equal("{\"sessionid\":\"abc\"}", handshake.Text);
        Assert.True(Handshake.TryRead(handshake, out _, out _, out var timing));
        Assert.Null(timing);
    }

    [Theory]
    [InlineData("{\"sessionid\":\"a\",\"acks\":true,\"heartbeat\":10000}")]
    [InlineData("{\"sessionid\":\"a\",\"acks\":true,\"heartbeat\":-1,\"timeout\":8000}")]
    [InlineData("{\"sessionid\":\"a\",\"acks\":true,\"heartbeat\":0,\"timeout\":8000}")]
    [InlineData("{\"sessionid\":\"a\",\"acks\":true,\"heartbeat\":\"10000\",\"timeout\":8000}")]
    [InlineData("{\"sessionid\":\"a\",\"acks\":true,\"heartbeat\":1.5,\"timeout\":8000}")]
    [InlineData("{\"sessionid\":\"a\",\"acks\":true,\"heartbeat\":10000,\"timeout\":99999999999999}")]
    public void A_handshake_with_timing_that_is_missing_or_not_a_positive_count_of_milliseconds_tells_none(string text)
    {
        Assert.True(Handshake.TryRead(Message.FromText(text), out var sessionId, out _, out var timing));
        Assert.Equal("a", sessionId);
        Assert.Null(timing);
    }
}
