using Microsoft.Extensions.Logging;

namespace Typed.Server.Logging;

/// <summary>Every line the server logs, defined once so that each is cheap when its level is off.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Session {SessionId} opened on {Transport}.")]
    public static partial void SessionOpened(ILogger logger, string sessionId, string transport);

    [LoggerMessage(2, LogLevel.Information, "Client {SessionId} connected.")]
    public static partial void ClientConnected(ILogger logger, string sessionId);

    [LoggerMessage(3, LogLevel.Information, "Client {SessionId} disconnected ({Reason}).")]
    public static partial void ClientDisconnected(ILogger logger, string sessionId, DisconnectReason reason);

    [LoggerMessage(4, LogLevel.Warning, "Refused {Method} {Path}: {Reason}.")]
    public static partial void RequestRefused(ILogger logger, string method, string path, string reason);

    [LoggerMessage(5, LogLevel.Warning, "Session {SessionId} sent a payload that was refused: {Reason}.")]
    public static partial void PayloadRefused(ILogger logger, string sessionId, string reason);

    [LoggerMessage(6, LogLevel.Warning, "Session {SessionId} has {QueuedBytes} bytes waiting, over the limit of {Limit}: disconnecting it as a slow consumer.")]
    public static partial void SlowConsumer(ILogger logger, string sessionId, long queuedBytes, long limit);

    [LoggerMessage(7, LogLevel.Error, "A {Event} handler threw for session {SessionId}.")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string @event, string sessionId);

    [LoggerMessage(8, LogLevel.Debug, "Downstream of session {SessionId} ended: {Reason}.")]
    public static partial void DownstreamEnded(ILogger logger, string sessionId, string reason);

    [LoggerMessage(9, LogLevel.Warning, "The Flash socket policy listener could not bind {EndPoints} ({Reason}); the app runs on without it and flashsocket clients fall back to other transports. "
        + "A port under 1024 needs privileges (on Linux, the CAP_NET_BIND_SERVICE capability); or set FlashPolicyPort to a free port (and the clients' FlashPolicyPort to match), or leave flashsocket out of Transports.")]
    public static partial void FlashPolicyUnavailable(ILogger logger, string endPoints, string reason);

    [LoggerMessage(10, LogLevel.Information, "Flash socket policy listener on {EndPoint}.")]
    public static partial void FlashPolicyListening(ILogger logger, string endPoint);

    [LoggerMessage(15, LogLevel.Debug, "The Flash socket policy listener skipped {EndPoint}: {Reason}.")]
    public static partial void FlashPolicyAddressSkipped(ILogger logger, string endPoint, string reason);

    [LoggerMessage(11, LogLevel.Warning, "An event for session {SessionId} was not delivered: no node has it connected.")]
    public static partial void SessionNotFound(ILogger logger, string sessionId);

    [LoggerMessage(12, LogLevel.Error, "An event for session {SessionId} could not be sent through the backplane.")]
    public static partial void SendToSessionFailed(ILogger logger, Exception exception, string sessionId);

    [LoggerMessage(13, LogLevel.Warning, "The cluster could not be asked which node holds session {SessionId}.")]
    public static partial void ClusterLookupFailed(ILogger logger, Exception exception, string sessionId);

    [LoggerMessage(14, LogLevel.Information, "Stopping: {Sessions} sessions flushed what they had queued, {Unflushed} did not in time; ending them all.")]
    public static partial void Stopping(ILogger logger, int sessions, int unflushed);

    [LoggerMessage(16, LogLevel.Warning, "Session {SessionId}: {Bytes} bytes of messages wait for its handlers; its connection is not read until they are handed over.")]
    public static partial void HandlersBehind(ILogger logger, string sessionId, long bytes);

    [LoggerMessage(17, LogLevel.Debug, "Session {SessionId}: its WebSocket peer has sent nothing, not even a pong, for {Seconds:0.0} s; the connection is dropped.")]
    public static partial void PeerSilent(ILogger logger, string sessionId, double seconds);

    [LoggerMessage(20, LogLevel.Warning, "Session {SessionId}: a {Method} {Path} authenticated as {User} was refused: the session belongs to another user.")]
    public static partial void SessionOfAnotherUser(ILogger logger, string sessionId, string method, string path, string user);

    [LoggerMessage(21, LogLevel.Information, "Session {SessionId}: its authentication expired; its connection is closed and it waits for fresh authentication.")]
    public static partial void AuthenticationExpired(ILogger logger, string sessionId);

    [LoggerMessage(22, LogLevel.Information, "Session {SessionId}: a {Method} {Path} was refused: the session's authentication expired.")]
    public static partial void ExpiredSessionRefused(ILogger logger, string sessionId, string method, string path);

    [LoggerMessage(23, LogLevel.Information, "A new session was refused by the application with {Status}: {Reason}.")]
    public static partial void AdmissionRefused(ILogger logger, int status, string reason);

    [LoggerMessage(30, LogLevel.Warning, "Refused {Contract}.{Event} from session {SessionId} (user {UserId}): not authorised.")]
    public static partial void EventRefused(ILogger logger, string sessionId, string contract, string @event, string? userId);
}
