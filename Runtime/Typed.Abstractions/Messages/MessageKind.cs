namespace Typed.Messages;

/// <summary>The JSON type of a message, read from its first byte.</summary>
public enum MessageKind
{
    /// <summary>A JSON string: the usual, plain message.</summary>
    Text,

    /// <summary>A JSON object: typed events travel this way.</summary>
    Object,

    /// <summary>A JSON array.</summary>
    Array,

    /// <summary>A number, <c>true</c>, <c>false</c> or <c>null</c>.</summary>
    Scalar,
}
