using System.Collections.Concurrent;
using System.Text.Json;
using Typed.Messages;

namespace Typed.Events;

/// <summary>
/// The events one side has asked and not yet had answered: ids are handed out here, answers
/// matched back to their askers, and an asker gives up after <see cref="Timeout"/> or when cancelled.
/// </summary>
public sealed class PendingAnswers
{
    private readonly ConcurrentDictionary<long, (string EventName, TaskCompletionSource<JsonElement> Answer)> _pending = new();
    private long _nextId;

    /// <summary>No askers yet; each will wait at most <paramref name="timeout"/> for its answer.</summary>
    public PendingAnswers(TimeSpan timeout) => Timeout = timeout;

    /// <summary>How long an asker waits before <see cref="AskAsync"/> throws <see cref="TimeoutException"/>.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Sends the event built around a new id, and waits for its answer.</summary>
    public async Task<JsonElement> AskAsync(string eventName, Func<long, Message> request, Action<Message> send, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = (eventName, answer);
        try
        {
            send(request(id));
            return await answer.Task.WaitAsync(Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No answer to '{eventName}' came within {Timeout}.");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Completes the asker of an answer message; false when the message is not an answer.</summary>
    public bool TryComplete(Message message)
    {
        if (!EventWire.TryReadAnswer(message, out var id, out var result, out var error))
        {
            return false;
        }

        if (_pending.TryRemove(id, out var pending))
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
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var pending))
            {
                pending.Answer.TrySetException(reason);
            }
        }
    }
}
