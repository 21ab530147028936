using Typed.Framing;
using Typed.Messages;

namespace Typed.Abstractions.Tests;

public class HeartbeatTests
{
    [Fact]
    public void The_frame_is_exactly_the_heartbeat_object()
    {
        Assert.Equal(Utf8Bytes.Of("{\"heartbeat\":\"1\"}"), Heartbeat.Frame.ToArray());
    }

    [Fact]
    public void A_heartbeat_parsed_as_a_server_frame_has_no_messages()
    {
        Assert.Empty(ServerFrame.Parse(Heartbeat.Frame));
    }

    [Fact]
    public void IsHeartbeat_recognises_the_heartbeat_frame()
    {
        Assert.True(Heartbeat.IsHeartbeat(Heartbeat.Frame.Span));
        Assert.True(Heartbeat.IsHeartbeat(Utf8Bytes.Of("{\"heartbeat\":\"1\"}")));
    }

    [Theory]
    [InlineData("{\"messages\":[\"1\"]}")]
    [InlineData("{\"messages\":[]}")]
    [InlineData("{\"messages\":[{\"heartbeat\":\"1\"}]}")]
    [InlineData("{\"heartbeat\":\"2\"}")]
    [InlineData("{\"heartbeat\":1}")]
    [InlineData("{\"heartbeat\":\"1\"")]
    [InlineData("")]
    public void IsHeartbeat_is_false_for_other_frames(string frame)
    {
        Assert.False(Heartbeat.IsHeartbeat(Utf8Bytes.Of(frame)));
    }

    [Fact]
    public void IsHeartbeat_is_false_for_an_encoded_messages_frame()
    {
        Assert.False(Heartbeat.IsHeartbeat(ServerFrame.Encode(Message.FromText("{\"heartbeat\":\"1\"}"))));
    }
}
