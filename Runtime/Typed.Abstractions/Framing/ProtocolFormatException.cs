namespace Typed;

/// <summary>
/// The one error the protocol's parsers raise: the input is not what the protocol allows
/// (invalid UTF-8, malformed JSON, the wrong shape, too large, too deep).
/// </summary>
public sealed class ProtocolFormatException : Exception
{
    public ProtocolFormatException(string message)
        : base(message)
    {
    }

    public ProtocolFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
