using System.Buffers;
using System.Text;
using System.Text.Json;
using Typed.Framing;
using Typed.Properties.Tests.Arbitraries;

namespace Typed.Properties.Tests.Framing;

/// <summary>
/// A string message arrives exactly as it was sent, to the last UTF-16 unit, lone surrogates
/// included, and its JSON is the standard JSON other parsers read the same way.
/// </summary>
[ProtocolProperties(MaxTest = 500)]
public class TextRoundTripProperties
{
    [Property]
    public Property Text_reads_back_exactly_from_its_message_its_frame_and_its_payload() =>
        Prop.ForAll(MessageTexts.Any.ToArbitrary(), text =>
        {
            var message = Message.FromText(text);
            return message.Text == text
                && ServerFrame.Parse(ServerFrame.Encode(message))[0].Text == text
                && ClientPayload.Parse(ClientPayload.Encode(message))[0].Text == text;
        });

    [Property]
    public bool Any_spelling_of_a_JSON_string_reads_back_as_the_text_it_spells(SpelledText spelled) =>
        JsonString.Read(Encoding.UTF8.GetBytes(spelled.Literal)) == spelled.Text
        && Message.FromJson(spelled.Literal).Text == spelled.Text;

    [Property]
    public Property System_Text_Json_reads_the_encoded_text_as_the_same_text() =>
        Prop.ForAll(MessageTexts.WellFormed.ToArbitrary(), text => JsonSerializer.Deserialize<string>(JsonString.Encode(text)) == text);

    [Property]
    public Property Encoding_in_one_array_and_writing_to_a_buffer_give_the_same_bytes() =>
        Prop.ForAll(MessageTexts.Any.ToArbitrary(), text =>
        {
            var output = new ArrayBufferWriter<byte>(1);
            JsonString.Write(text, output);
            return output.WrittenSpan.SequenceEqual(JsonString.Encode(text));
        });

    [Property]
    public Property Encoded_text_holds_no_character_that_ends_a_line_or_a_string() =>
        Prop.ForAll(MessageTexts.Any.ToArbitrary(), text =>
        {
            var body = Encoding.UTF8.GetString(JsonString.Encode(text).AsSpan(1..^1));
            return !body.Any(c => c < ' ' || c is '\u2028' or '\u2029') && !body.Replace("\\\\", "").Replace("\\\"", "").Contains('"');
        });
}
