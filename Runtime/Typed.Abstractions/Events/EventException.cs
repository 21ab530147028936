namespace Typed.Events;

/// <summary>
/// Thrown by a handler to tell the caller why its event failed: the message reaches the remote
/// side as it is. Any other exception reaches it only as "An error occurred while handling
/// 'Event'.", so that a database's error text, a path or a connection string never leaves the
/// process, unless detailed errors are turned on.
/// </summary>
public class EventException : Exception
{
    /// <summary>Makes an exception whose message the caller will read.</summary>
    public EventException(string message)
        : base(message)
    {
    }

    /// <summary>Makes an exception whose message the caller will read, caused by <paramref name="innerException"/> (which stays here).</summary>
    public EventException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
