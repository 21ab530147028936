namespace Typed.Framing;

/// <summary>
/// The WebSocket heartbeat frame <c>{"heartbeat":"1"}</c>. It has no <c>messages</c> member, so
/// clients that do not know it pass it by unseen.
/// </summary>
internal static class Heartbeat
{
    private static readonly byte[] FrameBytes = "{\"heartbeat\":\"1\"}"u8.ToArray();

    /// <summary>The heartbeat frame's UTF-8 bytes, as they go out.</summary>
    public static ReadOnlyMemory<byte> Frame => FrameBytes;

    /// <summary>True when <paramref name="frame"/> is the heartbeat frame, byte for byte.</summary>
    public static bool IsHeartbeat(ReadOnlySpan<byte> frame) => frame.SequenceEqual(FrameBytes);
}
