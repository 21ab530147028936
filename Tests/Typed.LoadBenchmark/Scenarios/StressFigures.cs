using System.Globalization;
using Typed.LoadBenchmark.Servers;

namespace Typed.LoadBenchmark.Scenarios;

/// <summary>What the stress run saw on one server, and whether every session was held.</summary>
/// <param name="Kind">Which server.</param>
/// <param name="Settings">What was asked.</param>
/// <param name="Opened">Sessions that connected.</param>
/// <param name="ConnectTime">From the first connect to the last session open.</param>
/// <param name="WebSocketConnectTime">Of that, until the last WebSocket session was open (the polling ones follow).</param>
public sealed record StressFigures(ServerKind Kind, StressSettings Settings, int Opened, TimeSpan ConnectTime, TimeSpan WebSocketConnectTime)
{
    private const double Megabyte = 1024 * 1024;

    private bool IsSignalR => Kind == ServerKind.SignalR;

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

    /// <summary>What the server said it holds, and how many sessions (connections) it had ended.</summary>
    public ClientCounts Server { get; init; } = new(0, 0);

    /// <summary>Sessions that did not open, dropped at any moment, or did not echo at the end.</summary>
    public int Dropped { get; init; }

    public bool EverySessionHeld =>
        Dropped == 0 && Opened == Settings.Sessions && Server == new ClientCounts(Settings.Sessions, 0) && Transports.All(t => t.Flowed);

    /// <summary>Sessions that opened, never dropped and echoed at the end.</summary>
    public int SessionsHeld => Settings.Sessions - Dropped;

    /// <summary>Server CPU over the hold, in percent of one core.</summary>
    public double CpuPercent => 100 * ServerCpu / Held;

    /// <summary>Server resident memory per session, once every session was open and at the end of the hold.</summary>
    public double BytesPerSessionConnected => (MemoryConnected - MemoryBefore) / (double)Settings.Sessions;

    public double BytesPerSessionAtEnd => (MemoryAtEnd - MemoryBefore) / (double)Settings.Sessions;

    public IEnumerable<string> Lines
    {
        get
        {
            var sessions = Settings.Sessions;
            var liveness = Settings.Liveness;
            var (webSocket, polling) = IsSignalR ? ("WebSocket", "long-polling") : ("websocket", "xhr-polling");
            yield return IsSignalR
                ? Invariant($"stress on {Kind}: {Settings.WebSockets} {webSocket} + {Settings.Polling} {polling} connections held {Settings.Hold.TotalSeconds:0} s; a keep-alive every {liveness.Heartbeat.TotalSeconds:0.#} s, long polls held {liveness.Heartbeat.TotalSeconds:0.#} s, a client silent {liveness.PeerTimeout.TotalSeconds:0.#} s dropped (its clients ping every {liveness.ClientKeepAlive.TotalSeconds:0.#} s), a long-polling connection without a poll for {liveness.SessionTimeout.TotalSeconds:0.#} s over")
                : Invariant($"stress on {Kind}: {Settings.WebSockets} {webSocket} + {Settings.Polling} {polling} sessions held {Settings.Hold.TotalSeconds:0} s; a heartbeat every {liveness.Heartbeat.TotalSeconds:0.#} s, a WebSocket peer silent {liveness.PeerTimeout.TotalSeconds:0.#} s dropped, a session over after {liveness.SessionTimeout.TotalSeconds:0.#} s without a downstream");
            yield return Invariant($"  connect: {Opened} of {sessions} in {ConnectTime.TotalSeconds:0.0} s ({webSocket} {WebSocketConnectTime.TotalSeconds:0.0} s, then {polling} {(ConnectTime - WebSocketConnectTime).TotalSeconds:0.0} s), {sessions / ConnectTime.TotalSeconds:0} sessions/s");
            yield return Invariant($"  server memory: {MemoryBefore / Megabyte:0.0} MB before, {MemoryConnected / Megabyte:0.0} MB connected, {MemoryAtEnd / Megabyte:0.0} MB at the end: {BytesPerSessionConnected:N0} bytes per session connected, {BytesPerSessionAtEnd:N0} at the end");
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
