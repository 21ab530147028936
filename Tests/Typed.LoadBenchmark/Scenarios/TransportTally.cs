using Typed.LoadBenchmark.Clients;

namespace Typed.LoadBenchmark.Scenarios;

/// <summary>The heartbeats of one transport's sessions in the stress run, and their answers.</summary>
public sealed record TransportTally(string Transport, int Sessions, long Heartbeats, long Answers, int Fewest, int WithoutHeartbeat, int WithoutAnswer)
{
    internal static TransportTally Of(string transport, IEnumerable<HeldSession> sessions)
    {
        var all = sessions.ToList();
        return new TransportTally(
            transport,
            all.Count,
            all.Sum(s => (long)s.Heartbeats),
            all.Sum(s => (long)s.Answers),
            all.Count == 0 ? 0 : all.Min(s => s.Heartbeats),
            all.Count(s => s.Heartbeats == 0),
            all.Count(s => s.Answers == 0));
    }

    /// <summary>Every session had heartbeats and answered them.</summary>
    public bool Flowed => WithoutHeartbeat == 0 && WithoutAnswer == 0;

    public string Line => Transport == TransportNames.WebSocket
        ? $"  websocket heartbeats: {Heartbeats} frames received, {Answers} pings answered, fewest in one session {Fewest}; sessions without a heartbeat {WithoutHeartbeat}, without an answer {WithoutAnswer}"
        : $"  {Transport} heartbeats: {Heartbeats} polls answered empty, {Answers} answered by the next poll, fewest in one session {Fewest}; sessions without a heartbeat {WithoutHeartbeat}, without an answer {WithoutAnswer}";
}
