using System.Buffers;

namespace Typed.Server.Transports;

/// <summary>How one kept-open HTTP transport lays frames out in its response body.</summary>
internal abstract class StreamFormat
{
    public abstract string ContentType { get; }

    /// <summary>What the body starts with, before the first frame.</summary>
    public virtual void WritePreamble(IBufferWriter<byte> output)
    {
    }

    /// <summary>Wraps one frame's JSON.</summary>
    public abstract void WriteFrame(IBufferWriter<byte> output, ReadOnlySpan<byte> frame);

    /// <summary>What is written when the stream has been idle for the heartbeat interval.</summary>
    public abstract ReadOnlySpan<byte> Heartbeat { get; }
}
