using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using MessagePack;
using Typed.Framing;
using Typed.Messages;

namespace Typed.MessagePack;

/// <summary>
/// MessagePack for frames and payloads, transcoded from and to their JSON without loss: objects
/// become maps, arrays arrays, strings strings (a plain string arrives as the same string),
/// integers integers, and numbers or strings that MessagePack cannot hold exactly (a decimal with
/// more digits than a double, a lone surrogate) travel as extensions holding their JSON text.
/// </summary>
public sealed class MessagePackFrameCodec : IFrameCodec
{
    /// <summary>A JSON number that no MessagePack number holds exactly, as its text.</summary>
    private const sbyte NumberText = 1;

    /// <summary>A JSON string that is not valid Unicode (a lone surrogate), as its literal.</summary>
    private const sbyte StringLiteral = 2;

    /// <summary>The name a client asks for: <c>msgpack</c>.</summary>
    public string Name => "msgpack";

    /// <inheritdoc/>
    public byte[] Encode(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var buffer = new ArrayBufferWriter<byte>(json.Length);
        var writer = new MessagePackWriter(buffer);
        Write(ref writer, document.RootElement);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <inheritdoc/>
    public byte[] Decode(ReadOnlySpan<byte> binary)
    {
        var buffer = new ArrayBufferWriter<byte>(binary.Length * 2);
        try
        {
            var reader = new MessagePackReader(binary.ToArray());
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = false, MaxDepth = 64 }))
            {
                Read(ref reader, json, depth: 0);
            }

            if (!reader.End)
            {
                throw new ProtocolFormatException("A MessagePack frame holds one value and nothing after it.");
            }
        }
        catch (Exception e) when (e is MessagePackSerializationException or EndOfStreamException or InvalidOperationException or JsonException)
        {
            throw new ProtocolFormatException("The binary frame is not MessagePack this codec wrote: " + e.Message, e);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(ref MessagePackWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteMapHeader(element.EnumerateObject().Count());
                foreach (var property in element.EnumerateObject())
                {
                    writer.Write(property.Name);
                    Write(ref writer, property.Value);
                }

                break;
            case JsonValueKind.Array:
                writer.WriteArrayHeader(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    Write(ref writer, item);
                }

                break;
            case JsonValueKind.String:
                WriteString(ref writer, element);
                break;
            case JsonValueKind.Number:
                WriteNumber(ref writer, element);
                break;
            case JsonValueKind.True:
                writer.Write(true);
                break;
            case JsonValueKind.False:
                writer.Write(false);
                break;
            default:
                writer.WriteNil();
                break;
        }
    }

    private static void WriteString(ref MessagePackWriter writer, JsonElement element)
    {
        string text;
        try
        {
            text = element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            writer.WriteExtensionFormat(new ExtensionResult(StringLiteral, System.Text.Encoding.UTF8.GetBytes(element.GetRawText())));
            return;
        }

        writer.Write(text);
    }

    private static void WriteNumber(ref MessagePackWriter writer, JsonElement element)
    {
        if (element.TryGetInt64(out var integer))
        {
            writer.Write(integer);
            return;
        }

        if (element.TryGetUInt64(out var large))
        {
            writer.Write(large);
            return;
        }

        // A double only when it gives back exactly the text it came from.
        var text = element.GetRawText();
        Span<byte> formatted = stackalloc byte[32];
        if (element.TryGetDouble(out var real)
            && Utf8Formatter.TryFormat(real, formatted, out var written)
            && formatted[..written].SequenceEqual(System.Text.Encoding.ASCII.GetBytes(text)))
        {
            writer.Write(real);
            return;
        }

        writer.WriteExtensionFormat(new ExtensionResult(NumberText, System.Text.Encoding.ASCII.GetBytes(text)));
    }

    private static void Read(ref MessagePackReader reader, Utf8JsonWriter json, int depth)
    {
        if (depth > 64)
        {
            throw new ProtocolFormatException("A MessagePack frame nests deeper than 64.");
        }

        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Map:
                var properties = reader.ReadMapHeader();
                json.WriteStartObject();
                for (var i = 0; i < properties; i++)
                {
                    json.WritePropertyName(reader.ReadString()!);
                    Read(ref reader, json, depth + 1);
                }

                json.WriteEndObject();
                break;
            case MessagePackType.Array:
                var items = reader.ReadArrayHeader();
                json.WriteStartArray();
                for (var i = 0; i < items; i++)
                {
                    Read(ref reader, json, depth + 1);
                }

                json.WriteEndArray();
                break;
            case MessagePackType.String:
                json.WriteRawValue(JsonString.Encode(reader.ReadString()!), skipInputValidation: true);
                break;
            case MessagePackType.Integer:
                if (reader.NextCode == MessagePackCode.UInt64)
                {
                    json.WriteNumberValue(reader.ReadUInt64());
                }
                else
                {
                    json.WriteNumberValue(reader.ReadInt64());
                }

                break;
            case MessagePackType.Float:
                json.WriteNumberValue(reader.ReadDouble());
                break;
            case MessagePackType.Boolean:
                json.WriteBooleanValue(reader.ReadBoolean());
                break;
            case MessagePackType.Nil:
                reader.ReadNil();
                json.WriteNullValue();
                break;
            case MessagePackType.Extension:
                var extension = reader.ReadExtensionFormat();
                if (extension.TypeCode is not (NumberText or StringLiteral))
                {
                    throw new ProtocolFormatException($"Unknown MessagePack extension {extension.TypeCode}.");
                }

                json.WriteRawValue(extension.Data.ToArray(), skipInputValidation: false);
                break;
            default:
                throw new ProtocolFormatException($"MessagePack {reader.NextMessagePackType} values have no JSON form here.");
        }
    }
}
