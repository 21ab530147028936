namespace Typed.Framing;

/// <summary>
/// What one side has received of the other's numbered messages (acknowledged delivery), with the
/// gap policy both sides share: a run of messages is taken only from the next number expected.
/// A run that starts past it (an earlier one was lost) is refused whole, so that nothing is
/// acknowledged that was not received; the sender sends everything unacknowledged again.
/// </summary>
internal sealed class ReceivedNumbers
{
    private long _last;

    /// <summary>The highest number received, every number below it received too.</summary>
    public long Last => Volatile.Read(ref _last);

    /// <summary>
    /// Which messages of a run of <paramref name="count"/> numbered from <paramref name="firstSeq"/>
    /// are new: the index of the first not yet received (<paramref name="count"/> when none is), or
    /// -1 when the run starts past a gap.
    /// </summary>
    public int FirstNew(long firstSeq, int count)
    {
        var last = Last;
        if (firstSeq > last + 1)
        {
            return -1;
        }

        return (int)Math.Min(count, last + 1 - firstSeq);
    }

    /// <summary>The message numbered <paramref name="seq"/>, the next expected, was taken.</summary>
    public void Received(long seq) => Volatile.Write(ref _last, seq);

    /// <summary>Forgets everything: a new session numbers from 1 again.</summary>
    public void Reset() => Volatile.Write(ref _last, 0);
}
