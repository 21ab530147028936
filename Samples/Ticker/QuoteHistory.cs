using Ticker.Contracts;

namespace Ticker;

/// <summary>The latest quotes of each symbol, for clients that join while the feed runs.</summary>
public sealed class QuoteHistory(TickerOptions options)
{
    private readonly Dictionary<string, Queue<Quote>> _bySymbol = new(StringComparer.Ordinal);

    public void Add(Quote quote)
    {
        lock (_bySymbol)
        {
            if (!_bySymbol.TryGetValue(quote.Symbol, out var quotes))
            {
                _bySymbol[quote.Symbol] = quotes = new Queue<Quote>();
            }

            quotes.Enqueue(quote);
            while (quotes.Count > options.History)
            {
                quotes.Dequeue();
            }
        }
    }

    /// <summary>Every symbol's latest quotes, oldest first.</summary>
    public Quote[] Recent()
    {
        lock (_bySymbol)
        {
            return [.. _bySymbol.Values.SelectMany(quotes => quotes).OrderBy(quote => quote.Sequence)];
        }
    }
}
