using System.Buffers;
using Typed.Framing;

namespace Typed.Properties.Tests.Support;

/// <summary>A server frame written piece by piece, as a connection writes it, ended with the acknowledged-delivery numbers.</summary>
internal static class NumberedFrame
{
    public static byte[] Write(IReadOnlyList<Message> messages, DeliveryNumbers numbers)
    {
        var output = new ArrayBufferWriter<byte>();
        ServerFrame.WriteStart(output);
        for (var i = 0; i < messages.Count; i++)
        {
            ServerFrame.WriteMessage(output, messages[i], first: i == 0);
        }

        ServerFrame.WriteEnd(output, numbers);
        return output.WrittenSpan.ToArray();
    }
}
