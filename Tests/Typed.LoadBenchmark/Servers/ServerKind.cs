namespace Typed.LoadBenchmark.Servers;

/// <summary>The servers compared, each run in a process of its own.</summary>
public enum ServerKind
{
    /// <summary>Typed: plain messages echoed, the typed contract handled.</summary>
    Typed,

    /// <summary>An ASP.NET Core SignalR hub doing the same work.</summary>
    SignalR,

    /// <summary>A bare Kestrel WebSocket echo: the ceiling of the stack.</summary>
    Bare,

    /// <summary>
    /// Typed as another build has it (<c>--baseline DIR</c>, that build's output folder of this
    /// program), driven by the same clients: a change's before and after, measured in one run.
    /// </summary>
    Baseline,
}
