namespace Typed.LoadBenchmark.Scenarios;

/// <summary>How big each scenario is: the full run of the figures, or a quick one for smoke runs.</summary>
public sealed record LoadSettings(
    int EchoConnections,
    TimeSpan Duration,
    TimeSpan Warmup,
    int BroadcastConnections,
    int BroadcastMessages,
    int IdleConnections,
    TimeSpan Settle,
    int FallbackConnections,
    int Rounds)
{
    public static readonly LoadSettings Full = new(100, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), 1000, 3000, 2000, TimeSpan.FromSeconds(2), 20, Rounds: 6);

    public static readonly LoadSettings Quick = new(10, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(200), 50, 10, 100, TimeSpan.FromMilliseconds(200), 5, Rounds: 1);
}
