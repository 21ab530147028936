using System.Collections.Concurrent;

namespace Typed.Redis;

/// <summary>
/// The last envelope number taken from each origin node. A node's envelopes arrive in the order it
/// sent them (one channel, one subscriber connection), so one that is not above the last is a
/// repeat: dropped, so that nothing is handed over twice.
/// </summary>
internal sealed class OriginSequences
{
    private readonly ConcurrentDictionary<string, long> _last = new(StringComparer.Ordinal);

    /// <summary>True the first time an envelope is seen.</summary>
    public bool TryTake(string origin, long sequence)
    {
        while (true)
        {
            if (!_last.TryGetValue(origin, out var last))
            {
                if (_last.TryAdd(origin, sequence))
                {
                    return true;
                }

                continue;
            }

            if (sequence <= last)
            {
                return false;
            }

            if (_last.TryUpdate(origin, sequence, last))
            {
                return true;
            }
        }
    }
}
