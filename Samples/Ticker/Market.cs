using Ticker.Contracts;

namespace Ticker;

/// <summary>
/// Prices as a random walk in whole cents from a seeded <see cref="Random"/>: the same seed gives
/// the same quotes in every run, on every machine, which is what the tests compare.
/// </summary>
public sealed class Market
{
    private readonly string[] _symbols;
    private readonly decimal[] _prices;
    private readonly Random _random;
    private long _sequence;

    public Market(string[] symbols, int seed)
    {
        _symbols = symbols;
        _prices = [.. symbols.Select((_, i) => 100.00m + (20 * i))];
        _random = new Random(seed);
    }

    public IReadOnlyList<string> Symbols => _symbols;

    /// <summary>The next quote, the symbols taking turns.</summary>
    public Quote Next()
    {
        var index = (int)(_sequence % _symbols.Length);
        var step = _random.Next(-100, 101) / 100m;
        _prices[index] = Math.Max(1.00m, _prices[index] + step);
        return new Quote(_symbols[index], _prices[index], ++_sequence);
    }
}
