namespace Ticker.Contracts;

/// <summary>One price of one symbol; <paramref name="Sequence"/> numbers every quote of the feed from 1, across symbols.</summary>
public sealed record Quote(string Symbol, decimal Price, long Sequence);
