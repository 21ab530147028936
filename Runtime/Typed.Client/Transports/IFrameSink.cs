namespace Typed.Client.Transports;

/// <summary>Where a transport hands the frames it reads, and what it needs to know of the session.</summary>
internal interface IFrameSink
{
    /// <summary>The session id once the handshake has been read.</summary>
    string? SessionId { get; }

    /// <summary>With acknowledged delivery, the highest server sequence number received; else null.</summary>
    long? CurrentAck { get; }

    void OnFrame(ReadOnlyMemory<byte> frame);
}
