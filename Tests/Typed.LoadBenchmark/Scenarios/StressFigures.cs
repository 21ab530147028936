using System.Globalization;
using Typed.LoadBenchmark.Servers;

namespace Typed.LoadBenchmark.Scenarios;

/// <summary>What the stress run saw, and whether every session was held.</summary>
/// <param name="Settings">What was asked.</param>
/// <param name="Opened">Sessions that connected.</param>
/// <param name="ConnectTime">From the first connect to the last session open.</param>
/// <param name="WebSocketConnectTime">Of that, until the last WebSocket session was open (the polling ones follow).</param>
public sealed record StressFigures(StressSettings Settings, int Opened, TimeSpan ConnectTime, TimeSpan WebSocketConnectTime)
{
    private const double Megabyte = 1024 * 1024;

    /// <summary>Server resident memory: fresh, once every session was open, at the end of the hold.</summary>
    public long MemoryBefore { get; init; }

    public long MemoryConnected { get; init; }

    public long MemoryAtEnd { get; init; }

    public TimeSpan Held { get; init; }

    /// <summary>CPU used over the hold by the server and by the load process.</summary>
    public TimeSpan ServerCpu { get; init; }

    public TimeSpan LoadCpu { get; init; }

    /// <summary>The load process's resident memory at the end.</summary>
    public long LoadMemory { get; init; }

    public IReadOnlyList<TransportTally> Transports { get; init; } = [];

    /// <summary>Sessions still connected at the end that never dropped.</summary>
    public int StillConnected { get; init; }

    /// <summary>Sessions whose message came back after the hold.</summary>
    public int Echoed { get; init; }

    /// <summary>What the server said it holds, and how many sessions it had ended.</summary>
    public ClientCounts Server { get; init; } = new(0, 0);

    /// <summary>Sessions that did not open, dropped at any moment, or did not echo at the end.</summary>
    public int Dropped { get; init; }

    public bool EverySessionHeld =>
        Dropped == 0 && Opened == Settings.Sessions && Server == new ClientCounts(Settings.Sessions, 0) && Transports.All(t => t.Flowed);

    public IEnumerable<string> Lines
    {
        get
        {
            var sessions = Settings.Sessions;
            yield return Invariant($"stress: {Settings.WebSockets} websocket + {Settings.Polling} xhr-polling sessions held {Settings.Hold.TotalSeconds:0} s; a heartbeat every {Settings.Liveness.Heartbeat.TotalSeconds:0.#} s, a session over after {Settings.Liveness.SessionTimeout.TotalSeconds:0.#} s without a downstream");
            yield return Invariant($"  connect: {Opened} of {sessions} in {ConnectTime.TotalSeconds:0.0} s (websocket {WebSocketConnectTime.TotalSeconds:0.0} s, then xhr-polling {(ConnectTime - WebSocketConnectTime).TotalSeconds:0.0} s), {sessions / ConnectTime.TotalSeconds:0} sessions/s");
            yield return Invariant($"  server memory: {MemoryBefore / Megabyte:0.0} MB before, {MemoryConnected / Megabyte:0.0} MB connected, {MemoryAtEnd / Megabyte:0.0} MB at the end: {(MemoryConnected - MemoryBefore) / (double)sessions:N0} bytes per session connected, {(MemoryAtEnd - MemoryBefore) / (double)sessions:N0} at the end");
            yield return Invariant($"  server CPU over the {Held.TotalSeconds:0.0} s hold: {ServerCpu.TotalSeconds:0.00} s, {Percent(ServerCpu)} % of one core");
            yield return Invariant($"  load process CPU over the hold: {LoadCpu.TotalSeconds:0.00} s, {Percent(LoadCpu)} % of one core; {LoadMemory / Megabyte:0} MB resident at the end");
            foreach (var transport in Transports)
            {
                yield return transport.Line;
            }

            yield return Invariant($"  held: {StillConnected} of {sessions} still connected, {Echoed} answered an echo; the server holds {Server.Held}, ended {Server.Ended}");
            yield return Invariant($"  dropped: {Dropped}");
            yield return EverySessionHeld ? "every session held" : "not every session held";
        }
    }

    private string Percent(TimeSpan cpu) => (100 * cpu / Held).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
