namespace Typed.Client.Transports;

/// <summary>The server no longer knows the session (it answered 404): a new session is needed.</summary>
internal sealed class SessionExpiredException(string sessionId)
    : Exception($"The server no longer knows session {sessionId}.");
