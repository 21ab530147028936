namespace Typed.Framing;

/// <summary>
/// A binary encoding of frames and payloads for WebSocket peers that ask for it by name
/// (<c>?codec=NAME</c> on the WebSocket URL). JSON text frames stay the default, and the only
/// encoding browsers need; everything above the transport still sees JSON messages.
/// </summary>
public interface IFrameCodec
{
    /// <summary>The name a client asks for.</summary>
    string Name { get; }

    /// <summary>Encodes a frame or payload's JSON.</summary>
    byte[] Encode(ReadOnlySpan<byte> json);

    /// <summary>Decodes a binary frame or payload back to its JSON.</summary>
    /// <exception cref="ProtocolFormatException">The input is not this codec's.</exception>
    byte[] Decode(ReadOnlySpan<byte> binary);
}
