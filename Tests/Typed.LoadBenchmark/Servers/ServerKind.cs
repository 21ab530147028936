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
}
