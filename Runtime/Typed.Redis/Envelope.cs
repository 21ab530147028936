using System.Buffers;
using MessagePack;
using Typed.Messages;

namespace Typed.Redis;

/// <summary>
/// What one node tells the others, MessagePack-encoded: a broadcast with its except-list, a
/// message for one session, a message for one user's sessions with its except-list, or a message
/// for the members of rooms with its except-list. Each
/// carries its origin node and a number that grows with every envelope the origin sends on its
/// channel, so that a node hands each one over at most once.
/// </summary>
internal readonly record struct Envelope(string Origin, long Sequence, string? SessionId, string? UserId, string[]? Rooms, string[] Except, Message Message)
{
    private const int BroadcastKind = 0;
    private const int DirectKind = 1;
    private const int UserKind = 2;
    private const int RoomsKind = 3;

    public bool IsBroadcast => SessionId is null && UserId is null && Rooms is null;

    public static ReadOnlyMemory<byte> Broadcast(string origin, long sequence, string[] except, Message message) =>
        Encode(BroadcastKind, origin, sequence, target: null, except, message);

    public static ReadOnlyMemory<byte> Direct(string origin, long sequence, string sessionId, Message message) =>
        Encode(DirectKind, origin, sequence, sessionId, except: null, message);

    public static ReadOnlyMemory<byte> ToUser(string origin, long sequence, string userId, string[] except, Message message) =>
        Encode(UserKind, origin, sequence, userId, except, message);

    public static ReadOnlyMemory<byte> ToRooms(string origin, long sequence, string[] rooms, string[] except, Message message) =>
        Encode(RoomsKind, origin, sequence, target: null, except, message, rooms);

    /// <exception cref="FormatException">Not an envelope of this format.</exception>
    public static Envelope Decode(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            var reader = new MessagePackReader(bytes);
            var length = reader.ReadArrayHeader();
            var kind = reader.ReadInt32();
            if (length != LengthOf(kind))
            {
                throw new FormatException("An envelope is an array of five (six for a user's or rooms').");
            }

            var origin = reader.ReadString() ?? throw new FormatException("An envelope names its origin.");
            var sequence = reader.ReadInt64();
            string? sessionId = null;
            string? userId = null;
            string[]? rooms = null;
            var except = Array.Empty<string>();
            switch (kind)
            {
                case BroadcastKind:
                    except = ReadExcept(ref reader);
                    break;
                case DirectKind:
                    sessionId = reader.ReadString() ?? throw new FormatException("A session id is a string.");
                    break;
                case UserKind:
                    userId = reader.ReadString() ?? throw new FormatException("A user id is a string.");
                    except = ReadExcept(ref reader);
                    break;
                case RoomsKind:
                    rooms = ReadStrings(ref reader, "A room's name is a string.");
                    except = ReadExcept(ref reader);
                    break;
                default:
                    throw new FormatException($"No envelope is of kind {kind}.");
            }

            // Read from one block of memory, the message is a slice of it: the envelope's bytes are its own.
            var json = reader.ReadBytes() ?? throw new FormatException("An envelope carries a message.");
            return new Envelope(origin, sequence, sessionId, userId, rooms, except, Message.FromJson(json.First));
        }
        catch (Exception e) when (e is MessagePackSerializationException or EndOfStreamException or ProtocolFormatException)
        {
            throw new FormatException("Not an envelope: " + e.Message, e);
        }
    }

    private static int LengthOf(int kind) => kind is UserKind or RoomsKind ? 6 : 5;

    private static string[] ReadExcept(ref MessagePackReader reader) => ReadStrings(ref reader, "A session id is a string.");

    private static string[] ReadStrings(ref MessagePackReader reader, string notAString)
    {
        var strings = new string[reader.ReadArrayHeader()];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = reader.ReadString() ?? throw new FormatException(notAString);
        }

        return strings;
    }

    /// <summary>
    /// [kind, origin, sequence, then the except-list (a broadcast), the session (direct), the user
    /// and the except-list, or the rooms and the except-list, then the message].
    /// </summary>
    private static ReadOnlyMemory<byte> Encode(int kind, string origin, long sequence, string? target, string[]? except, Message message, string[]? rooms = null)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + message.Json.Length);
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(LengthOf(kind));
        writer.Write(kind);
        writer.Write(origin);
        writer.Write(sequence);
        if (target is not null)
        {
            writer.Write(target);
        }

        WriteStrings(ref writer, rooms);
        WriteStrings(ref writer, except);

        writer.Write(message.Json.Span);
        writer.Flush();
        return buffer.WrittenMemory;
    }

    private static void WriteStrings(ref MessagePackWriter writer, string[]? strings)
    {
        if (strings is null)
        {
            return;
        }

        writer.WriteArrayHeader(strings.Length);
        foreach (var value in strings)
        {
            writer.Write(value);
        }
    }
}
