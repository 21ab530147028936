using Ticker.Contracts;
using Typed.Server;

namespace Ticker;

/// <summary>
/// Makes a quote of every symbol each <see cref="TickerOptions.Interval"/> and broadcasts it: one
/// typed broadcast encodes its frame once, however many clients there are.
/// </summary>
public sealed partial class QuoteFeed(Listener listener, QuoteHistory history, TickerOptions options, TimeProvider time, ILogger<QuoteFeed> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Audience > 0)
        {
            LogWaiting(logger, options.Audience);
            await Audience.WaitAsync(listener, options.Audience, stoppingToken);
        }

        LogQuoting(logger, options.Symbols, options.Interval, options.Seed);
        var market = new Market(options.SymbolList, options.Seed);
        var clients = listener.Events<ITickerClient>();
        using var timer = new PeriodicTimer(options.Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var _ in market.Symbols)
            {
                var quote = market.Next();
                history.Add(quote);
                clients.Quote(quote);
                if (quote.Sequence == options.Count)
                {
                    LogDone(logger, quote.Sequence);
                    return;
                }
            }
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Waiting for {Audience} clients before the first quote.")]
    private static partial void LogWaiting(ILogger logger, int audience);

    [LoggerMessage(2, LogLevel.Information, "Quoting {Symbols} every {Interval} (seed {Seed}).")]
    private static partial void LogQuoting(ILogger logger, string symbols, TimeSpan interval, int seed);

    [LoggerMessage(3, LogLevel.Information, "Sent all {Count} quotes; the feed is over.")]
    private static partial void LogDone(ILogger logger, long count);
}
