using Typed.Events.Generated;
using Typed.Messages;
using Typed.Server.Events;

namespace Typed.Server;

/// <summary>
/// A set of sessions the listener chose (every session, a user's, a room's members): what is sent
/// to it reaches each of them once, on whichever node holds it, in the order it was sent.
/// </summary>
public sealed class Recipients
{
    private readonly Action<Message, string[]> _send;
    private readonly string[] _except;

    internal Recipients(Action<Message, string[]> send, string[] except, string description)
    {
        _send = send;
        _except = except;
        Description = description;
    }

    /// <summary>Says who the recipients are, for error messages.</summary>
    internal string Description { get; }

    /// <summary>The same recipients but the given session ids, wherever they are connected.</summary>
    public Recipients Except(params string[] sessionIds)
    {
        ArgumentNullException.ThrowIfNull(sessionIds);
        return new Recipients(_send, [.. _except, .. sessionIds], Description);
    }

    /// <summary>Sends a message to every recipient, encoding its frame once.</summary>
    public void Send(Message message) => _send(message, _except);

    /// <summary>Sends a plain string message, delivered exactly as given.</summary>
    public void Send(string text) => Send(Message.FromText(text));

    /// <summary>
    /// A sender of <typeparamref name="T"/>'s events to every recipient. As with a broadcast, an
    /// event that expects an answer cannot be sent: many sessions have no single answer to give.
    /// </summary>
    public T Events<T>()
        where T : class => EventContract<T>.CreateSender(new RecipientsEventSink(this));
}
