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
    private readonly Gate _gate = new();
    private readonly List<(long Seq, Message Message)> _entries = [];
    private int _written;
    private long _nextSeq = 1;

    // Made only when someone waits for the outbox to empty, so that a message costs no task.
    private TaskCompletionSource? _empty;

    // The batch handed to the writer: one writer at a time (the socket's writing gate), and it is
    // done with a batch before it takes the next, so one array serves every batch.
    private Message[] _taken = new Message[4];

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
        }
    }

    /// <summary>Completes once everything added so far is confirmed (acknowledged, or written without acknowledged delivery).</summary>
    public Task WhenEmptyAsync()
    {
        lock (_gate)
        {
            if (_entries.Count == 0)
            {
                return Task.CompletedTask;
            }

            _empty ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _empty.Task;
        }
    }

    /// <summary>
    /// Takes everything not yet written on the current connection; null when there is nothing.
    /// The batch's messages are valid until the next call.
    /// </summary>
    public OutboxBatch? TakeUnwritten()
    {
        lock (_gate)
        {
            if (_written == _entries.Count)
            {
                return null;
            }

            var count = _entries.Count - _written;
            if (_taken.Length < count)
            {
                _taken = new Message[Math.Max(count, _taken.Length * 2)];
            }

            for (var i = 0; i < count; i++)
            {
                _taken[i] = _entries[_written + i].Message;
            }

            var batch = new OutboxBatch(_entries[_written].Seq, new ArraySegment<Message>(_taken, 0, count));
            _written = _entries.Count;
            return batch;
        }
    }

    /// <summary>The batch was written: without acknowledged delivery it is done with.</summary>
    public void Written(OutboxBatch batch)
    {
        lock (_gate)
        {
            ReleaseTaken(batch);
            if (!Acknowledged)
            {
                DropWrittenThrough(batch.LastSeq);
            }
        }
    }

    /// <summary>Writing <paramref name="batch"/> (if any) failed: everything not confirmed goes again on the next connection.</summary>
    public void Rewind(OutboxBatch? batch)
    {
        lock (_gate)
        {
            if (batch is { } failed)
            {
                ReleaseTaken(failed);
            }

            _written = 0;
        }
    }

    // Called with _gate held: the batch array lets go of the messages (the entries keep what is
    // unconfirmed), and of its size after an unusually big batch.
    private void ReleaseTaken(OutboxBatch batch)
    {
        Array.Clear(_taken, 0, batch.Messages.Count);
        if (_taken.Length > 1024)
        {
            _taken = new Message[4];
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

    // Called with _gate held.
    private void SignalIfEmpty()
    {
        if (_entries.Count == 0 && _empty is { } empty)
        {
            _empty = null;
            empty.TrySetResult();
        }
    }
}

/// <summary>Messages taken from the outbox to go out in one payload, numbered from <see cref="FirstSeq"/>.</summary>
internal readonly record struct OutboxBatch(long FirstSeq, ArraySegment<Message> Messages)
{
    public long LastSeq => FirstSeq + Messages.Count - 1;
}
