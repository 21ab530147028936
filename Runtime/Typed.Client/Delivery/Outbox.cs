using Typed.Messages;

namespace Typed.Client.Delivery;

/// <summary>
/// What the application sent and the server has not yet confirmed. Messages are numbered as they
/// are added; with acknowledged delivery each stays until the server acknowledges it, and after a
/// reconnection everything unacknowledged goes again (the server drops what it already has).
/// Without it, as in 2010, a message is forgotten once written.
/// </summary>
internal sealed class Outbox
{
    private readonly object _gate = new();
    private readonly List<(long Seq, Message Message)> _entries = [];
    private int _written;
    private long _nextSeq = 1;
    private TaskCompletionSource _empty = Completed();

    /// <summary>Whether the server agreed to acknowledged delivery; decided by each handshake.</summary>
    public bool Acknowledged { get; set; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public void Add(Message message)
    {
        lock (_gate)
        {
            _entries.Add((_nextSeq++, message));
            if (_empty.Task.IsCompleted)
            {
                _empty = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Completes once everything added so far is confirmed (acknowledged, or written without acknowledged delivery).</summary>
    public Task WhenEmptyAsync()
    {
        lock (_gate)
        {
            return _empty.Task;
        }
    }

    /// <summary>Takes everything not yet written on the current connection; null when there is nothing.</summary>
    public OutboxBatch? TakeUnwritten()
    {
        lock (_gate)
        {
            if (_written == _entries.Count)
            {
                return null;
            }

            var messages = new Message[_entries.Count - _written];
            for (var i = 0; i < messages.Length; i++)
            {
                messages[i] = _entries[_written + i].Message;
            }

            var batch = new OutboxBatch(_entries[_written].Seq, messages);
            _written = _entries.Count;
            return batch;
        }
    }

    /// <summary>The batch was written: without acknowledged delivery it is done with.</summary>
    public void Written(OutboxBatch batch)
    {
        lock (_gate)
        {
            if (!Acknowledged)
            {
                DropWrittenThrough(batch.LastSeq);
            }
        }
    }

    /// <summary>Writing failed: everything not confirmed goes again on the next connection.</summary>
    public void Rewind()
    {
        lock (_gate)
        {
            _written = 0;
        }
    }

    /// <summary>The server has everything up to <paramref name="ack"/>.</summary>
    public void Acknowledge(long ack)
    {
        lock (_gate)
        {
            DropWrittenThrough(ack);
        }
    }

    // Called with _gate held: forgets the written entries numbered up to seq.
    private void DropWrittenThrough(long seq)
    {
        var count = 0;
        while (count < _written && _entries[count].Seq <= seq)
        {
            count++;
        }

        _entries.RemoveRange(0, count);
        _written -= count;
        SignalIfEmpty();
    }

    /// <summary>A new session numbers from 1 again; everything not confirmed goes to it.</summary>
    public void Renumber()
    {
        lock (_gate)
        {
            _nextSeq = 1;
            for (var i = 0; i < _entries.Count; i++)
            {
                _entries[i] = (_nextSeq++, _entries[i].Message);
            }

            _written = 0;
        }
    }

    private static TaskCompletionSource Completed()
    {
        var completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        completed.SetResult();
        return completed;
    }

    // Called with _gate held.
    private void SignalIfEmpty()
    {
        if (_entries.Count == 0)
        {
            _empty.TrySetResult();
        }
    }
}

/// <summary>Messages taken from the outbox to go out in one payload, numbered from <see cref="FirstSeq"/>.</summary>
internal readonly record struct OutboxBatch(long FirstSeq, Message[] Messages)
{
    public long LastSeq => FirstSeq + Messages.Length - 1;
}
