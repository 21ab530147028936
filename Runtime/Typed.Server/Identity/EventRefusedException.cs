using Typed.Events;

namespace Typed.Server.Identity;

/// <summary>
/// An event its handler's authorization refused: the asker reads "not authorised" (as it reads any
/// <see cref="EventException"/>'s message), and the listener logs the refusal rather than a failure.
/// </summary>
internal sealed class EventRefusedException(Type contract) : EventException(NotAuthorised)
{
    public const string NotAuthorised = "not authorised";

    public Type Contract { get; } = contract;
}
