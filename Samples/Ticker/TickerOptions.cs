namespace Ticker;

/// <summary>The feed's settings, from the <c>Ticker</c> section (<c>--Ticker:Interval=00:00:00.050</c> and so on).</summary>
public sealed class TickerOptions
{
    /// <summary>How often every symbol gets a new quote.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The random walk's seed: one seed, one sequence of prices, run after run.</summary>
    public int Seed { get; set; } = 2010;

    /// <summary>The symbols quoted, comma-separated, in the order of each tick.</summary>
    public string Symbols { get; set; } = "ACME,GLOBEX,INITECH";

    /// <summary><see cref="Symbols"/> as a list.</summary>
    public string[] SymbolList => Symbols.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>How many clients must be connected before the first quote (0: start at once), so that each sees the feed from quote 1.</summary>
    public int Audience { get; set; }

    /// <summary>How many quotes to send before the feed stops (0: forever).</summary>
    public long Count { get; set; }

    /// <summary>How many quotes of each symbol <c>Recent</c> answers with.</summary>
    public int History { get; set; } = 60;

    /// <summary>Bytes that may wait for one client; a client that lets more pile up is disconnected as too slow.</summary>
    public long MaxQueuedBytes { get; set; } = 32 * 1024;
}
