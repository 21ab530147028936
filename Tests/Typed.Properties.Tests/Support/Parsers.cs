using System.Text;
using Typed.Events;
using Typed.Framing;

namespace Typed.Properties.Tests.Support;

/// <summary>
/// Every entry point that reads bytes from a peer, each given the same input, and what a
/// receiver then does with the messages they accept.
/// </summary>
internal static class Parsers
{
    /// <summary>Runs each parser on <paramref name="input"/> and reads every message it accepts in every way there is.</summary>
    public static void ReadAll(ReadOnlyMemory<byte> input)
    {
        Parse(input, ReadEveryWay);
        Heartbeat.IsHeartbeat(input.Span);
    }

    /// <summary>Parses <paramref name="text"/> as a message's JSON, and its UTF-8 with every parser.</summary>
    public static void ReadAll(string text)
    {
        ParseWith(() => [Message.FromJson(text)], ReadEveryWay);
        ReadAll(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Runs each parser on <paramref name="input"/>, handing every message it accepts to <paramref name="eachMessage"/>.</summary>
    public static void Parse(ReadOnlyMemory<byte> input, Action<Message> eachMessage)
    {
        ParseWith(() => ServerFrame.ParseContent(input).Messages, eachMessage);
        ParseWith(() => ClientPayload.ParseContent(input, allowEnvelope: false).Messages, eachMessage);
        ParseWith(() => ClientPayload.ParseContent(input, allowEnvelope: true).Messages, eachMessage);
        ParseWith(() => [Message.FromJson(input)], eachMessage);
    }

    /// <summary>What a receiver does with every message: its text if it is a string, an event or an answer if it is one.</summary>
    public static void Receive(Message message)
    {
        if (message.IsText)
        {
            _ = message.Text;
        }

        EventWire.TryReadEvent(message, out _);
        EventWire.TryReadAnswer(message, out _, out _, out _);
    }

    /// <summary>What a receiver does with every message, and what is asked of some only: whether it is a handshake, its JSON document.</summary>
    public static void ReadEveryWay(Message message)
    {
        Receive(message);
        _ = message.Kind;
        Handshake.TryRead(message, out _, out _);
        message.ToJsonDocument().Dispose();
    }

    private static void ParseWith(Func<IReadOnlyList<Message>> parse, Action<Message> eachMessage)
    {
        IReadOnlyList<Message> messages = [];
        if (ErrorContract.Accepts<ProtocolFormatException>(() => messages = parse()))
        {
            foreach (var message in messages)
            {
                eachMessage(message);
            }
        }
    }
}
