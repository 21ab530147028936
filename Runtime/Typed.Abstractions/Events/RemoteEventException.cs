namespace Typed.Events;

/// <summary>
/// The handler of an event on the other side failed. Carries the remote message only, never the
/// remote stack.
/// </summary>
public sealed class RemoteEventException(string eventName, string message)
    : Exception($"The handler of '{eventName}' failed: {message}")
{
    /// <summary>The name of the event whose handler failed.</summary>
    public string EventName { get; } = eventName;

    /// <summary>The message of the remote exception.</summary>
    public string RemoteMessage { get; } = message;
}
