using Typed.Events.Generated;
using Typed.Messages;

namespace Typed.Events;

/// <summary>
/// The handlers registered on one side of a connection, one per contract, each called with the
/// connection's <typeparamref name="TContext"/> (the server's client, say). An incoming event goes
/// to the contract that declares it; its answer, when asked for, goes back once the handler is
/// done. Messages that are not events of a registered contract are plain messages.
/// </summary>
internal sealed class EventHandlers<TContext>
{
    private readonly Gate _adding = new();

    // Replaced whole when a contract is added, so that looking one up takes no lock.
    private volatile Registration[] _registrations = [];

    /// <summary>True until a contract is added.</summary>
    public bool IsEmpty => _registrations.Length == 0;

    /// <summary>
    /// Whether a failed handler's exception message goes to the asker whatever the exception;
    /// otherwise only an <see cref="EventException"/>'s does, and any other answers a generic text.
    /// </summary>
    public bool DetailedErrors { get; set; }

    /// <summary>Adds a contract: <paramref name="dispatch"/> runs for each of its events.</summary>
    public void Add<T>(Func<TContext, IncomingEvent, ValueTask<EventOutcome>> dispatch)
        where T : class
    {
        lock (_adding)
        {
            _registrations = [.. _registrations, new Registration(EventContract<T>.Handles, dispatch)];
        }
    }

    /// <summary>
    /// Hands <paramref name="message"/> to the registered contract that declares it. False when it is
    /// not such an event: it is then a plain message.
    /// </summary>
    /// <param name="context">The connection it arrived on.</param>
    /// <param name="message">What arrived.</param>
    /// <param name="answer">Sends an answer back to the asker over <paramref name="context"/>.</param>
    /// <param name="failed">Told when a handler throws (its answer, if asked for, carries what the asker may read of it), with the event's name.</param>
    /// <remarks>The callbacks take the context, so that callers can pass delegates made once rather than per event.</remarks>
    public bool TryDispatch(TContext context, Message message, Action<TContext, Message> answer, Action<TContext, Exception, string> failed)
    {
        if (IsEmpty || !EventWire.TryReadEvent(message, out var incoming))
        {
            return false;
        }

        Registration? registration = null;
        foreach (var candidate in _registrations)
        {
            if (candidate.Handles(incoming.Name))
            {
                registration = candidate;
                break;
            }
        }

        if (registration is null)
        {
            return false;
        }

        ValueTask<EventOutcome> outcome;
        try
        {
            outcome = registration.Dispatch(context, incoming);
        }
        catch (Exception e)
        {
            Fail(context, e, incoming, answer, failed, DetailedErrors);
            return true;
        }

        if (outcome.IsCompletedSuccessfully)
        {
            Answer(context, outcome.Result, incoming, answer);
        }
        else
        {
            _ = CompleteAsync(context, outcome, incoming, answer, failed, DetailedErrors);
        }

        return true;
    }

    /// <summary>What the asker reads of a failure: only what is meant for it, unless <paramref name="detailed"/>.</summary>
    private static string ErrorText(Exception e, string eventName, bool detailed) =>
        detailed || e is EventException ? e.Message : $"An error occurred while handling '{eventName}'.";

    private static async Task CompleteAsync(TContext context, ValueTask<EventOutcome> outcome, IncomingEvent incoming, Action<TContext, Message> answer, Action<TContext, Exception, string> failed, bool detailed)
    {
        try
        {
            Answer(context, await outcome.ConfigureAwait(false), incoming, answer);
        }
        catch (Exception e)
        {
            Fail(context, e, incoming, answer, failed, detailed);
        }
    }

    private static void Answer(TContext context, EventOutcome outcome, IncomingEvent incoming, Action<TContext, Message> answer)
    {
        if (incoming.Id is { } id)
        {
            answer(context, EventWire.AnswerWith(id, outcome.Result));
        }
    }

    private static void Fail(TContext context, Exception e, IncomingEvent incoming, Action<TContext, Message> answer, Action<TContext, Exception, string> failed, bool detailed)
    {
        failed(context, e, incoming.Name);
        if (incoming.Id is { } id)
        {
            answer(context, EventWire.AnswerWithError(id, ErrorText(e, incoming.Name, detailed)));
        }
    }

    private sealed record Registration(Func<string, bool> Handles, Func<TContext, IncomingEvent, ValueTask<EventOutcome>> Dispatch);
}
