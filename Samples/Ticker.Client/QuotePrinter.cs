using System.Globalization;
using Ticker.Contracts;

namespace Ticker.Client;

/// <summary>Prints each quote as it arrives; after <paramref name="limit"/> quotes (0: none) it stops and says so.</summary>
public sealed class QuotePrinter(long limit, Action reachedLimit) : ITickerClient
{
    private long _received;

    public void Quote(Quote quote)
    {
        var received = Interlocked.Increment(ref _received);
        if (limit > 0 && received > limit)
        {
            return;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{quote.Symbol} {quote.Price:0.00} #{quote.Sequence}"));
        if (received == limit)
        {
            reachedLimit();
        }
    }
}
