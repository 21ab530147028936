using Typed.Framing;
using Typed.Properties.Tests.Arbitraries;
using Typed.Properties.Tests.Support;

namespace Typed.Properties.Tests.Framing;

/// <summary>
/// Whatever a peer sends, the frame, payload and message parsers either accept it or refuse it
/// with <see cref="ProtocolFormatException"/>, the one error they document; the messages they
/// accept can all be read.
/// </summary>
[ProtocolProperties(MaxTest = 500)]
public class ParserErrorProperties
{
    [Property]
    public void Arbitrary_bytes_never_throw_anything_but_a_protocol_format_error(byte[] bytes) =>
        Parsers.ReadAll(bytes);

    [Property(MaxTest = 2000)]
    public void Hostile_input_never_throws_anything_but_a_protocol_format_error(HostileInput input) =>
        Parsers.ReadAll(input.Bytes);

    [Property]
    public Property Arbitrary_text_never_throws_anything_but_a_protocol_format_error() =>
        Prop.ForAll(MessageTexts.Any.ToArbitrary(), Parsers.ReadAll);

    [Property]
    public Property Every_text_message_can_be_read_every_way_without_throwing() =>
        Prop.ForAll(MessageTexts.Any.ToArbitrary(), text => Parsers.ReadEveryWay(Message.FromText(text)));

    [Property(MaxTest = 1000)]
    public void Json_string_reading_refuses_hostile_input_only_with_a_format_error(HostileInput input)
    {
        ErrorContract.Accepts<FormatException>(() => JsonString.Read(input.Bytes));
        ErrorContract.Accepts<FormatException>(() => JsonString.Read([(byte)'"', .. input.Bytes, (byte)'"']));
    }
}
