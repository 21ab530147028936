namespace Typed.Client.Delivery;

/// <summary>
/// What has arrived from the server, by sequence number: a message sent again after a
/// reconnection is recognised and not handed to the application twice.
/// </summary>
internal sealed class Inbox
{
    private long _lastReceived;
    private long _lastAcknowledged;

    public long LastReceived => Interlocked.Read(ref _lastReceived);

    /// <summary>The highest number the server has been told about.</summary>
    public long LastAcknowledged => Interlocked.Read(ref _lastAcknowledged);

    /// <summary>Something arrived that the server has not been told about.</summary>
    public bool AckOwed => Interlocked.Read(ref _lastReceived) > Interlocked.Read(ref _lastAcknowledged);

    /// <summary>True when the message numbered <paramref name="seq"/> is new (and records it).</summary>
    public bool Accept(long seq)
    {
        if (seq <= _lastReceived)
        {
            return false;
        }

        Interlocked.Exchange(ref _lastReceived, seq);
        return true;
    }

    public void Acknowledged(long ack) => Interlocked.Exchange(ref _lastAcknowledged, Math.Max(ack, Interlocked.Read(ref _lastAcknowledged)));

    public void Reset()
    {
        Interlocked.Exchange(ref _lastReceived, 0);
        Interlocked.Exchange(ref _lastAcknowledged, 0);
    }
}
