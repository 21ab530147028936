using Typed.Framing;

namespace Typed.Server.Sessions;

/// <summary>
/// The server's half of the acknowledged-delivery extension for one session: it numbers what the
/// session sends and keeps it until the client acknowledges it (so a reattaching downstream
/// re-sends exactly what the client missed), and remembers the highest number received from the
/// client (so a payload sent again is not handed to the application twice). The outgoing half is
/// guarded by the session's lock, the incoming half by its receive lock.
/// </summary>
internal sealed class AcknowledgedDelivery
{
    private long _nextSeq = 1;
    private List<Outgoing> _inFlight = [];
    private readonly ReceivedNumbers _received = new();

    /// <summary>The highest client sequence number handed to the application.</summary>
    public long LastReceived => _received.Last;

    /// <summary>An acknowledgement is owed to the client, to go out in a frame of its own if nothing else does.</summary>
    public bool AckDue { get; set; }

    /// <summary>The highest client number a frame taken for the client has carried (guarded by the session's lock).</summary>
    public long AckTaken { get; set; }

    /// <summary>Whether the client has been received from since the last frame taken for it said so.</summary>
    public bool AckOwed => LastReceived > AckTaken;

    public Outgoing Number(in Outgoing item) => item with { Seq = _nextSeq++ };

    /// <summary>The messages were written to a downstream; they stay until acknowledged.</summary>
    public void Sent(List<Outgoing> messages) => _inFlight.AddRange(messages);

    /// <summary>Drops what the client has received; returns the bytes freed.</summary>
    public long Acknowledge(long ack)
    {
        var count = 0;
        long freed = 0;
        while (count < _inFlight.Count && _inFlight[count].Seq <= ack)
        {
            freed += _inFlight[count].Message.Json.Length;
            count++;
        }

        _inFlight.RemoveRange(0, count);
        return freed;
    }

    /// <summary>Everything sent but not acknowledged, to be sent again; the ledger forgets it until then.</summary>
    public List<Outgoing> TakeUnacknowledged()
    {
        var unacknowledged = _inFlight;
        _inFlight = [];
        return unacknowledged;
    }

    /// <inheritdoc cref="ReceivedNumbers.FirstNew"/>
    public int FirstNew(long firstSeq, int count) => _received.FirstNew(firstSeq, count);

    /// <inheritdoc cref="ReceivedNumbers.Received"/>
    public void Received(long seq) => _received.Received(seq);
}
