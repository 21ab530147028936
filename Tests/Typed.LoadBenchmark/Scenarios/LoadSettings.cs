namespace Typed.LoadBenchmark.Scenarios;

/// <summary>How big each scenario is: the full run of the figures, or a quick one for smoke runs.</summary>
/// <param name="RoomSize">The members of each room of the rooms scenario.</param>
/// <param name="Rooms">How many rooms it has at its largest.</param>
/// <param name="RoomMessages">The messages it sends in each of its measurements, in all turns.</param>
/// <param name="EchoSizes">The connection counts of the echo's scaling table.</param>
/// <param name="BroadcastSizes">The receiver counts of the broadcast's scaling table (the same deliveries at each: fewer messages to more receivers).</param>
public sealed record LoadSettings(
    int EchoConnections,
    TimeSpan Duration,
    TimeSpan Warmup,
    int BroadcastConnections,
    int BroadcastMessages,
    int IdleConnections,
    TimeSpan Settle,
    int FallbackConnections,
    int RoomSize,
    int Rooms,
    int RoomMessages,
    int Rounds,
    int[] EchoSizes,
    int[] BroadcastSizes)
{
    public static readonly LoadSettings Full = new(100, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), 1000, 3000, 2000, TimeSpan.FromSeconds(2), 20, RoomSize: 100, Rooms: 100, RoomMessages: 12_000, Rounds: 6, EchoSizes: [10, 100, 1000, 5000], BroadcastSizes: [100, 1000, 5000]);

    public static readonly LoadSettings Quick = new(10, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(200), 50, 10, 100, TimeSpan.FromMilliseconds(200), 5, RoomSize: 30, Rooms: 10, RoomMessages: 30, Rounds: 1, EchoSizes: [10, 30], BroadcastSizes: [50, 100]);

    /// <summary>Every broadcast measurement delivers about as many messages: the messages per round for <paramref name="receivers"/>.</summary>
    public int BroadcastMessagesPerRound(int receivers) =>
        Math.Max(1, BroadcastConnections * BroadcastMessages / receivers / Rounds);
}
