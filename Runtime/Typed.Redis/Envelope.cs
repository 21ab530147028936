using System.Buffers;
using MessagePack;
using Typed.Messages;

namespace Typed.Redis;

/// <summary>
/// What one node tells the others, MessagePack-encoded: a broadcast with its except-list, or a
/// message for one session. Each carries its origin node and a number that grows with every
/// envelope the origin sends, so that a node hands each one over at most once.
/// </summary>
internal readonly record struct Envelope(string Origin, long Sequence, string? SessionId, string[] Except, Message Message)
{
    private const int BroadcastKind = 0;
    private const int DirectKind = 1;

    public bool IsBroadcast => SessionId is null;

    public static ReadOnlyMemory<byte> Broadcast(string origin, long sequence, string[] except, Message message) =>
        Encode(origin, sequence, sessionId: null, except, message);

    public static ReadOnlyMemory<byte> Direct(string origin, long sequence, string sessionId, Message message) =>
        Encode(origin, sequence, sessionId, [], message);

    /// <exception cref="FormatException">Not an envelope of this format.</exception>
    public static Envelope Decode(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            var reader = new MessagePackReader(bytes);
            if (reader.ReadArrayHeader() != 5)
            {
                throw new FormatException("An envelope is an array of five.");
            }

            var kind = reader.ReadInt32();
            var origin = reader.ReadString() ?? throw new FormatException("An envelope names its origin.");
            var sequence = reader.ReadInt64();
            string? sessionId = null;
            var except = Array.Empty<string>();
            switch (kind)
            {
                case BroadcastKind:
                    except = new string[reader.ReadArrayHeader()];
                    for (var i = 0; i < except.Length; i++)
                    {
                        except[i] = reader.ReadString() ?? throw new FormatException("A session id is a string.");
                    }

                    break;
                case DirectKind:
                    sessionId = reader.ReadString() ?? throw new FormatException("A session id is a string.");
                    break;
                default:
                    throw new FormatException($"No envelope is of kind {kind}.");
            }

            // Read from one block of memory, the message is a slice of it: the envelope's bytes are its own.
            var json = reader.ReadBytes() ?? throw new FormatException("An envelope carries a message.");
            return new Envelope(origin, sequence, sessionId, except, Message.FromJson(json.First));
        }
        catch (Exception e) when (e is MessagePackSerializationException or EndOfStreamException or ProtocolFormatException)
        {
            throw new FormatException("Not an envelope: " + e.Message, e);
        }
    }

    private static ReadOnlyMemory<byte> Encode(string origin, long sequence, string? sessionId, string[] except, Message message)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + message.Json.Length);
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(5);
        writer.Write(sessionId is null ? BroadcastKind : DirectKind);
        writer.Write(origin);
        writer.Write(sequence);
        if (sessionId is null)
        {
            writer.WriteArrayHeader(except.Length);
            foreach (var id in except)
            {
                writer.Write(id);
            }
        }
        else
        {
            writer.Write(sessionId);
        }

        writer.Write(message.Json.Span);
        writer.Flush();
        return buffer.WrittenMemory;
    }
}
