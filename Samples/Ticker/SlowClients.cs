using Typed.Server;

namespace Ticker;

/// <summary>
/// Says which clients the server dropped for reading too slowly. The server ends a session whose
/// queue would pass <see cref="SocketServerOptions.MaxQueuedBytes"/>, so one stalled client costs
/// at most that much memory and never slows the broadcast to everyone else.
/// </summary>
public sealed partial class SlowClients(Listener listener, ILogger<SlowClients> logger)
{
    public void Watch() => listener.ClientDisconnected += client =>
    {
        if (client.DisconnectReason == DisconnectReason.SlowConsumer)
        {
            LogDropped(logger, client.SessionId, listener.Options.MaxQueuedBytes);
        }
    };

    [LoggerMessage(1, LogLevel.Warning, "disconnected slow client {SessionId}: queue over {Limit} bytes")]
    private static partial void LogDropped(ILogger logger, string sessionId, long limit);
}
