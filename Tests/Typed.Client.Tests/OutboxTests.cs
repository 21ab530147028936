using System.Runtime.CompilerServices;
using Typed.Client.Delivery;
using Typed.Messages;
using Typed.Testing;

namespace Typed.Client.Tests;

public class OutboxTests
{
    [Fact]
    public void An_empty_outbox_is_flushed_at_once()
    {
        var outbox = new Outbox { Acknowledged = true };

        Assert.True(outbox.WhenEmptyAsync().IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_wait_for_the_outbox_to_empty_ends_with_the_acknowledgement_of_the_last_message()
    {
        var outbox = new Outbox { Acknowledged = true };
        outbox.Add(Message.FromText("one"));
        outbox.Add(Message.FromText("two"));
        var batch = outbox.TakeUnwritten()!.Value;
        outbox.Written(batch);

        var empty = outbox.WhenEmptyAsync();
        outbox.Acknowledge(1);
        Assert.False(empty.IsCompleted);
        outbox.Acknowledge(2);

        await empty.Within();
        Assert.Equal(0, outbox.Count);
    }

    [Fact]
    public void Batches_taken_one_after_another_each_hold_their_own_messages()
    {
        var outbox = new Outbox { Acknowledged = true };
        outbox.Add(Message.FromText("one"));
        outbox.Add(Message.FromText("two"));
        var first = outbox.TakeUnwritten()!.Value;
        Assert.Equal(["one", "two"], first.Messages.Select(m => m.Text));
        Assert.Equal((1, 2), (first.FirstSeq, first.LastSeq));
        outbox.Written(first);

        outbox.Add(Message.FromText("three"));
        var second = outbox.TakeUnwritten()!.Value;

        Assert.Equal(["three"], second.Messages.Select(m => m.Text));
        Assert.Equal((3, 3), (second.FirstSeq, second.LastSeq));
        Assert.Null(outbox.TakeUnwritten());
    }

    [Fact]
    public void A_failed_batch_goes_again_whole_after_a_rewind()
    {
        var outbox = new Outbox { Acknowledged = true };
        outbox.Add(Message.FromText("one"));
        outbox.Add(Message.FromText("two"));
        var failed = outbox.TakeUnwritten();

        outbox.Rewind(failed);

        var again = outbox.TakeUnwritten()!.Value;
        Assert.Equal(["one", "two"], again.Messages.Select(m => m.Text));
        Assert.Equal(1, again.FirstSeq);
    }

    [Fact]
    public void A_message_the_server_acknowledged_is_not_kept_alive_by_the_outbox()
    {
        var outbox = new Outbox { Acknowledged = true };
        var sent = AddAndConfirm(outbox);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(sent.TryGetTarget(out _));
    }

    // Not inlined, so that no reference to the message's bytes outlives it on this stack.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<byte[]> AddAndConfirm(Outbox outbox)
    {
        var bytes = JsonString.Encode("kept only by the outbox");
        outbox.Add(Message.FromJson(bytes.AsMemory()));
        var batch = outbox.TakeUnwritten()!.Value;
        outbox.Written(batch);
        outbox.Acknowledge(batch.LastSeq);
        return new WeakReference<byte[]>(bytes);
    }
}
