using Typed.Events;

namespace Ticker.Contracts;

/// <summary>What the server sends to ticker pages and clients.</summary>
[Events(JsonContext = typeof(TickerJson))]
public interface ITickerClient
{
    /// <summary>A new price, broadcast to every connected client.</summary>
    void Quote(Quote quote);
}
