namespace Typed.Client;

/// <summary>No transport could open a session; the inner exceptions say why each failed.</summary>
public sealed class SocketConnectException(string message, IReadOnlyList<Exception> failures)
    : AggregateException(message, failures);
