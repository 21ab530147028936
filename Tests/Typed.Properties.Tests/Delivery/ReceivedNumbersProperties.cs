using Typed.Framing;

namespace Typed.Properties.Tests.Delivery;

/// <summary>
/// The one gap policy of acknowledged delivery, which the server's ledger and the .NET client's
/// inbox both use: whatever runs of numbered messages arrive (again, overlapping, out of order,
/// some lost), what is taken is 1, 2, 3... each once, in order, and what is acknowledged was taken.
/// </summary>
[Properties(MaxTest = 500)]
public class ReceivedNumbersProperties
{
    [Property]
    public Property Runs_arriving_in_any_order_are_taken_once_in_order_and_nothing_untaken_is_acknowledged(PositiveInt[] starts, PositiveInt[] lengths)
    {
        var received = new ReceivedNumbers();
        var taken = new List<long>();
        for (var i = 0; i < Math.Min(starts.Length, lengths.Length); i++)
        {
            var firstSeq = (long)(starts[i].Get % 40) + 1;
            var count = lengths[i].Get % 8;
            var first = received.FirstNew(firstSeq, count);
            if (first < 0)
            {
                continue;
            }

            for (var k = first; k < count; k++)
            {
                taken.Add(firstSeq + k);
                received.Received(firstSeq + k);
            }
        }

        var inOrderOnce = taken.SequenceEqual(Enumerable.Range(1, taken.Count).Select(n => (long)n));
        return inOrderOnce.Label("taken 1, 2, 3... once each: " + string.Join(",", taken))
            .And((received.Last == taken.Count).Label($"acknowledges {received.Last}, took {taken.Count}"));
    }

    [Property]
    public Property A_run_past_a_gap_is_refused_whole(PositiveInt last, PositiveInt gap, PositiveInt count)
    {
        var received = new ReceivedNumbers();
        for (var seq = 1L; seq <= last.Get % 100; seq++)
        {
            received.Received(seq);
        }

        var before = received.Last;
        var refused = received.FirstNew(before + 1 + gap.Get, count.Get % 10) == -1;

        return refused.Label("refused").And((received.Last == before).Label("nothing taken"));
    }
}
