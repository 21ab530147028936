using Typed.Events;
using Typed.Messages;

namespace Typed.Abstractions.Tests;

public class EventWireTests
{
    [Fact]
    public void Member_names_escaping_a_lone_surrogate_are_just_other_members()
    {
        var message = Message.FromJson("{\"\\ud800\":1,\"event\":\"said\",\"args\\udc00\":0,\"args\":[]}");

        Assert.True(EventWire.TryReadEvent(message, out var incoming));
        Assert.Equal("said", incoming.Name);
    }

    [Fact]
    public void An_event_name_and_an_error_are_read_to_the_last_utf16_unit()
    {
        Assert.True(EventWire.TryReadEvent(Message.FromJson("{\"event\":\"a\\ud800\",\"args\":[]}"), out var incoming));
        Assert.True(EventWire.TryReadAnswer(Message.FromJson("{\"answer\":1,\"error\":\"b\\udc00\"}"), out _, out _, out var error));

        Assert.Equal("a\uD800", incoming.Name);
        Assert.Equal("b\uDC00", error);
    }
}
