using Typed.Client.Logging;
using Typed.Events;
using Typed.Events.Generated;
using Typed.Messages;

namespace Typed.Client;

/// <summary>Typed events: senders to the server, and handlers of what the server sends.</summary>
public sealed partial class Socket
{
    private readonly EventHandlers<Socket> _handlers = new();
    private static readonly Action<Socket, Message> SendAnswer = static (socket, answer) => socket.Enqueue(answer);
    private static readonly Action<Socket, Exception, string> HandlerFailed = static (socket, e, name) => Log.EventHandlerFailed(socket._logger, e, name);
    private PendingAnswers? _answers;

    // Made on first use, by the first question or by the receiving thread handing over the first
    // message, which can be at the same moment: both must get the one instance, or a question
    // waits in one while its answer is looked for in the other (and taken for a plain message).
    internal PendingAnswers Answers => Volatile.Read(ref _answers) ?? CreateAnswers();

    private PendingAnswers CreateAnswers()
    {
        var created = new PendingAnswers(_options.AnswerTimeout);
        return Interlocked.CompareExchange(ref _answers, created, null) ?? created;
    }

    private SenderCache _senders;

    /// <summary>
    /// The sender of <typeparamref name="T"/>'s events to the server (the same one each time);
    /// events with a result wait for its answer.
    /// </summary>
    public T Events<T>()
        where T : class => _senders.GetOrAdd(this, static socket => EventContract<T>.CreateSender(new SocketEventSink(socket)));

    /// <summary>Handles the server's events of <typeparamref name="T"/> with <paramref name="handler"/>; its results answer the server.</summary>
    public Socket Handle<T>(T handler)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.Add<T>((_, incoming) => EventContract<T>.Dispatch(handler, incoming));
        return this;
    }

    /// <summary>An answer to one of our questions, an event for a handler, or else a plain message.</summary>
    private bool TryHandleTyped(Message message) =>
        Answers.TryComplete(message)
        || _handlers.TryDispatch(this, message, SendAnswer, HandlerFailed);
}
