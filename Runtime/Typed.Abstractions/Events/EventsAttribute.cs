namespace Typed.Events;

/// <summary>
/// Marks an interface as an event contract: each method is an event, its parameters the event's
/// arguments. The source generator turns it into a typed sender and a dispatcher.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class EventsAttribute : Attribute
{
    /// <summary>
    /// The <c>JsonSerializerContext</c> that encodes the contract's own types (records, classes).
    /// Primitives, enums, collections and the common value types need no entry.
    /// </summary>
    public Type? JsonContext { get; set; }
}
