using Typed.Events;

namespace Ticker.Contracts;

/// <summary>What a ticker page or client may ask the server.</summary>
[Events(JsonContext = typeof(TickerJson))]
public interface ITickerServer
{
    /// <summary>The latest quotes of every symbol, oldest first, for a chart that starts full.</summary>
    Task<Quote[]> Recent();
}
