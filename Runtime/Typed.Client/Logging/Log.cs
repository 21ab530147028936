using Microsoft.Extensions.Logging;

namespace Typed.Client.Logging;

/// <summary>Every line the client logs, defined once so that each is cheap when its level is off.</summary>
internal static partial class Log
{
    [LoggerMessage(201, LogLevel.Debug, "The {Transport} transport could not connect.")]
    public static partial void TransportConnectFailed(ILogger logger, Exception exception, string transport);

    [LoggerMessage(202, LogLevel.Debug, "The {Transport} transport closed.")]
    public static partial void TransportClosed(ILogger logger, Exception? exception, string transport);

    [LoggerMessage(203, LogLevel.Debug, "Reconnection attempt {Attempt} failed.")]
    public static partial void ReconnectionFailed(ILogger logger, Exception exception, int attempt);

    [LoggerMessage(204, LogLevel.Warning, "A frame that is not the protocol's was ignored.")]
    public static partial void FrameIgnored(ILogger logger, Exception exception);

    [LoggerMessage(205, LogLevel.Warning, "A frame numbered from {Seq} came after {Last}; reattaching to get what is missing.")]
    public static partial void DeliveryGap(ILogger logger, long seq, long last);

    [LoggerMessage(206, LogLevel.Debug, "Sending over {Transport} failed.")]
    public static partial void SendFailed(ILogger logger, Exception exception, string transport);

    [LoggerMessage(207, LogLevel.Error, "The handler of {Event} threw.")]
    public static partial void EventHandlerFailed(ILogger logger, Exception exception, string @event);

    [LoggerMessage(208, LogLevel.Debug, "Could not tell the server that session {SessionId} is over; it ends after its timeout.")]
    public static partial void LeaveFailed(ILogger logger, Exception exception, string sessionId);

    [LoggerMessage(209, LogLevel.Error, "A {Event} handler threw.")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string @event);

    [LoggerMessage(210, LogLevel.Warning, "The server refused access over {Transport} with {Status}; no other transport is tried.")]
    public static partial void AccessRefused(ILogger logger, string transport, int status);

    [LoggerMessage(211, LogLevel.Warning, "The server refused access to the reconnection with {Status}; the socket gives up.")]
    public static partial void ReconnectionRefused(ILogger logger, Exception exception, int status);
}
