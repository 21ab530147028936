using Typed.Framing;
using Typed.Properties.Tests.Support;

namespace Typed.Properties.Tests.Arbitraries;

/// <summary>A <c>POST .../send</c> body, how it was encoded, and the messages its <c>data</c> field carries.</summary>
public sealed record FormBody(string How, byte[] Body, Message[] Sent)
{
    /// <summary>The payload the <c>data</c> field holds once decoded.</summary>
    public byte[] Payload => ClientPayload.Encode(Sent);

    public override string ToString() => $"{How}: {Show.Bytes(Body)}";
}
