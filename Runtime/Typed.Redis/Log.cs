using Microsoft.Extensions.Logging;

namespace Typed.Redis;

/// <summary>Every line the Redis backplane logs.</summary>
internal static partial class Log
{
    [LoggerMessage(101, LogLevel.Information, "Node {NodeId} joined the cluster through Redis at {Configuration}.")]
    public static partial void Joined(ILogger logger, string nodeId, string configuration);

    [LoggerMessage(102, LogLevel.Warning, "Redis is unreachable ({Reason}); this node's clients are still served, other nodes' messages wait until it is back.")]
    public static partial void Unreachable(ILogger logger, string reason);

    [LoggerMessage(103, LogLevel.Information, "Redis is reachable again; this node's sessions are written to the cluster's index afresh.")]
    public static partial void Restored(ILogger logger);

    [LoggerMessage(104, LogLevel.Warning, "A broadcast could not be sent to the other nodes.")]
    public static partial void BroadcastFailed(ILogger logger, Exception exception);

    [LoggerMessage(105, LogLevel.Warning, "A message on the backplane that is not an envelope was ignored.")]
    public static partial void BadEnvelope(ILogger logger, Exception exception);

    [LoggerMessage(106, LogLevel.Information, "Removed {Count} node(s) that stopped sending heartbeats, and their clients.")]
    public static partial void NodesSwept(ILogger logger, long count);

    [LoggerMessage(108, LogLevel.Debug, "A message for session {SessionId} arrived after its client left this node.")]
    public static partial void SessionGone(ILogger logger, string sessionId);

    [LoggerMessage(109, LogLevel.Warning, "The cluster's index could not be updated for session {SessionId}.")]
    public static partial void IndexFailed(ILogger logger, Exception exception, string sessionId);

    [LoggerMessage(110, LogLevel.Warning, "A message for user {UserId} could not be sent to the other nodes.")]
    public static partial void SendToUserFailed(ILogger logger, Exception exception, string userId);

    [LoggerMessage(111, LogLevel.Warning, "A message for rooms {Rooms} could not be sent to the other nodes.")]
    public static partial void SendToRoomsFailed(ILogger logger, Exception exception, string rooms);
}
