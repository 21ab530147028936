namespace Typed.LoadBenchmark.Scenarios;

/// <summary>How big each scenario is: the full run of the figures, or a quick one for smoke runs.</summary>
/// <param name="RoomSize">The members of each room of the rooms scenario.</param>
/// <param name="Rooms">How many rooms it has at its largest.</param>
/// <param name="RoomMessages">The messages it sends in each of its measurements, in all turns.</param>
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
    int Rounds)
{
    public static readonly LoadSettings Full = new(100, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), 1000, 3000, 2000, TimeSpan.FromSeconds(2), 20, RoomSize: 100, Rooms: 100, RoomMessages: 12_000, Rounds: 6);

    public static readonly LoadSettings Quick = new(10, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(200), 50, 10, 100, TimeSpan.FromMilliseconds(200), 5, RoomSize: 30, Rooms: 10, RoomMessages: 30, Rounds: 1);
}
