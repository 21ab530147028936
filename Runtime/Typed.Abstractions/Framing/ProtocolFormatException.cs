namespace Typed;

/// <summary>
/// The one error the protocol's parsers raise: the input is not what the protocol allows
/// (invalid UTF-8, malformed JSON, the wrong shape, too large, too deep).
/// </summary>
public sealed class ProtocolFormatException : Exception
{
    /// <summary>The input is not what the protocol allows; <paramref name="message"/> says how.</summary>
    public ProtocolFormatException(string message)
        : base(message)
    {
    }

    /// <summary>The input is not what the protocol allows, as <paramref name="innerException"/> (a <see cref="System.Text.Json.JsonException"/>, say) found.</summary>
    public ProtocolFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
