using Typed.Framing;

namespace Typed.Client.Delivery;

/// <summary>
/// What has arrived from the server, by sequence number: a message sent again after a
/// reconnection is recognised and not handed to the application twice, and a frame that starts
/// past a gap is refused (see <see cref="ReceivedNumbers"/>).
/// </summary>
internal sealed class Inbox
{
    private readonly ReceivedNumbers _received = new();
    private long _lastAcknowledged;
    private long _owedBytes;

    public long LastReceived => _received.Last;

    /// <summary>The highest number the server has been told about.</summary>
    public long LastAcknowledged => Interlocked.Read(ref _lastAcknowledged);

    /// <summary>Something arrived that the server has not been told about.</summary>
    public bool AckOwed => LastReceived > LastAcknowledged;

    /// <inheritdoc cref="ReceivedNumbers.FirstNew"/>
    public int FirstNew(long firstSeq, int count) => _received.FirstNew(firstSeq, count);

    /// <inheritdoc cref="ReceivedNumbers.Received"/>
    public void Received(long seq) => _received.Received(seq);

    /// <summary>A frame of <paramref name="bytes"/> brought new messages; answers the bytes received since an acknowledgement last left.</summary>
    public long Owe(int bytes) => Interlocked.Add(ref _owedBytes, bytes);

    /// <summary>An acknowledgement of everything received so far is leaving: nothing is owed any more.</summary>
    public long TakeAck()
    {
        Interlocked.Exchange(ref _owedBytes, 0);
        return LastReceived;
    }

    public void Acknowledged(long ack) => Interlocked.Exchange(ref _lastAcknowledged, Math.Max(ack, Interlocked.Read(ref _lastAcknowledged)));

    public void Reset()
    {
        _received.Reset();
        Interlocked.Exchange(ref _lastAcknowledged, 0);
        Interlocked.Exchange(ref _owedBytes, 0);
    }
}
