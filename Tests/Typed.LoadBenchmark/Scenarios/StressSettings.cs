using Typed.LoadBenchmark.Servers;

namespace Typed.LoadBenchmark.Scenarios;

/// <summary>How big the stress run is: the full one of the figures, or a quick one for CI.</summary>
/// <param name="WebSockets">Sessions on the websocket transport.</param>
/// <param name="Polling">Sessions on xhr-polling.</param>
/// <param name="Hold">How long every session is held open once all are.</param>
/// <param name="Liveness">How closely the server watches them.</param>
public sealed record StressSettings(int WebSockets, int Polling, TimeSpan Hold, Liveness Liveness)
{
    /// <summary>A heartbeat every 2 s, thirty in a minute's hold; a session without a downstream for 6 s is over.</summary>
    public static readonly StressSettings Full = new(10_000, 2_000, TimeSpan.FromSeconds(60), new Liveness(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6)));

    public static readonly StressSettings Quick = Full with { WebSockets = 500, Polling = 100, Hold = TimeSpan.FromSeconds(10) };

    public int Sessions => WebSockets + Polling;

    /// <summary>How long the last echo may take, once the hold is over.</summary>
    public static TimeSpan EchoPatience => TimeSpan.FromSeconds(30);
}
