namespace Typed.Events;

/// <summary>Gives an event a name on the wire other than its method's name.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class EventNameAttribute(string name) : Attribute
{
    /// <summary>The event's name on the wire.</summary>
    public string Name { get; } = name;
}
