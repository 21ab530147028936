using System.Text.Json;
using Typed.Messages;

namespace Typed.Events;

/// <summary>
/// The events one side has asked and not yet had answered: ids are handed out here, answers
/// matched back to their askers, and an asker gives up after <see cref="Timeout"/> or when cancelled.
/// </summary>
/// <remarks>
/// Timeouts are found by one sweep timer while anything is pending, not by a timer per question:
/// asking is a hot path, and a timer costs more than the question. An asker gives up within a
/// quarter of <see cref="Timeout"/> (at most a second) after it is due.
/// </remarks>
internal sealed class PendingAnswers
{
    private readonly Gate _gate = new();
    private readonly Dictionary<long, Pending> _pending = [];
    private readonly TimeProvider _time;
    private readonly TimeSpan _sweepInterval;
    private ITimer? _sweep;
    private long _nextId;

    /// <summary>No askers yet; each will wait at most <paramref name="timeout"/> for its answer.</summary>
    public PendingAnswers(TimeSpan timeout)
        : this(timeout, TimeProvider.System)
    {
    }

    /// <summary>As <see cref="PendingAnswers(TimeSpan)"/>, on the given clock.</summary>
    public PendingAnswers(TimeSpan timeout, TimeProvider time)
    {
        Timeout = timeout;
        _time = time;
        _sweepInterval = timeout == System.Threading.Timeout.InfiniteTimeSpan
            ? timeout
            : TimeSpan.FromTicks(Math.Clamp(timeout.Ticks / 4, TimeSpan.TicksPerMillisecond, TimeSpan.TicksPerSecond));
    }

    /// <summary>How long an asker waits before <see cref="AskAsync"/> throws <see cref="TimeoutException"/>.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Sends the event built around a new id, and waits for its answer.</summary>
    public Task<JsonElement> AskAsync(string eventName, Func<long, Message> request, Action<Message> send, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var deadline = Timeout == System.Threading.Timeout.InfiniteTimeSpan ? long.MaxValue : _time.GetTimestamp() + (long)(Timeout.TotalSeconds * _time.TimestampFrequency);
        lock (_gate)
        {
            _pending.Add(id, new Pending(eventName, answer, deadline));
            if (_sweep is null && _sweepInterval != System.Threading.Timeout.InfiniteTimeSpan)
            {
                _sweep = _time.CreateTimer(static state => ((PendingAnswers)state!).Sweep(), this, _sweepInterval, _sweepInterval);
            }
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(static state =>
            {
                var (self, id) = ((PendingAnswers, long))state!;
                self.Take(id)?.Answer.TrySetCanceled();
            }, (this, id));
            answer.Task.ContinueWith(static (_, state) => ((CancellationTokenRegistration)state!).Dispose(), registration, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        try
        {
            send(request(id));
        }
        catch
        {
            Take(id);
            throw;
        }

        return answer.Task;
    }

    /// <summary>Completes the asker of an answer message; false when the message is not an answer.</summary>
    /// <remarks>A side that has never asked reads no message as an answer: it cannot have been sent one.</remarks>
    public bool TryComplete(Message message)
    {
        if (Volatile.Read(ref _nextId) == 0 || !EventWire.TryReadAnswer(message, out var id, out var result, out var error))
        {
            return false;
        }

        if (Take(id) is { } pending)
        {
            if (error is null)
            {
                pending.Answer.TrySetResult(result);
            }
            else
            {
                pending.Answer.TrySetException(new RemoteEventException(pending.EventName, error));
            }
        }

        return true;
    }

    /// <summary>Fails every asker: the connection they were waiting on is gone for good.</summary>
    public void FailAll(Exception reason)
    {
        Pending[] all;
        lock (_gate)
        {
            all = [.. _pending.Values];
            _pending.Clear();
            StopSweepIfIdle();
        }

        foreach (var pending in all)
        {
            pending.Answer.TrySetException(reason);
        }
    }

    private Pending? Take(long id)
    {
        lock (_gate)
        {
            // The sweep keeps running until it finds nothing pending: a connection that asks one
            // question after another keeps one timer rather than making one per question.
            return _pending.Remove(id, out var pending) ? pending : null;
        }
    }

    private void Sweep()
    {
        var now = _time.GetTimestamp();
        List<Pending>? expired = null;
        lock (_gate)
        {
            foreach (var (id, pending) in _pending)
            {
                if (pending.Deadline <= now)
                {
                    (expired ??= []).Add(pending);
                    _pending.Remove(id);
                }
            }

            StopSweepIfIdle();
        }

        foreach (var pending in expired ?? [])
        {
            pending.Answer.TrySetException(new TimeoutException($"No answer to '{pending.EventName}' came within {Timeout}."));
        }
    }

    // Called with _gate held.
    private void StopSweepIfIdle()
    {
        if (_pending.Count == 0 && _sweep is not null)
        {
            _sweep.Dispose();
            _sweep = null;
        }
    }

    private sealed record Pending(string EventName, TaskCompletionSource<JsonElement> Answer, long Deadline);
}
