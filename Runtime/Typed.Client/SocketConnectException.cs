using System.Net;

namespace Typed.Client;

/// <summary>No transport could open a session; the inner exceptions say why each failed.</summary>
public sealed class SocketConnectException : AggregateException
{
    /// <summary>A failure to connect, with why each transport failed.</summary>
    public SocketConnectException(string message, IReadOnlyList<Exception> failures)
        : base(message, failures)
    {
    }

    /// <summary>A failure with the server's refusal of access when that is why (the last failure, or every one).</summary>
    internal SocketConnectException(string message, IReadOnlyList<Exception> failures, HttpStatusCode? statusCode)
        : base(message, failures)
    {
        StatusCode = statusCode;
    }

    /// <summary>
    /// The server's refusal of access (401 Unauthorized or 403 Forbidden), when that is why: the
    /// credentials are wrong, not a transport, so no further transport was tried (except after a
    /// 403 to a WebSocket upgrade, which a proxy that strips WebSockets answers as well). Null when
    /// the transports failed for other reasons.
    /// </summary>
    public HttpStatusCode? StatusCode { get; }
}
