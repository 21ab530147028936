using Ticker.Contracts;

namespace Ticker;

/// <summary>Answers what ticker clients ask; made per event.</summary>
public sealed class TickerHandler(QuoteHistory history) : ITickerServer
{
    public Task<Quote[]> Recent() => Task.FromResult(history.Recent());
}
