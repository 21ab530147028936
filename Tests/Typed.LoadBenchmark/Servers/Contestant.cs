namespace Typed.LoadBenchmark.Servers;

/// <summary>
/// What is measured: a server and the client code that drives it. Servers are compared under the
/// same client code: our server with the plain 2010 client against the bare echo, both on the
/// framework's <c>ClientWebSocket</c>; our server with our <c>Socket</c> against the bare echo on
/// the RFC 6455 end under that socket.
/// </summary>
public enum Contestant
{
    /// <summary>Our server, our .NET <c>Socket</c> (acknowledged delivery unless <c>--plain-client</c>).</summary>
    Typed,

    /// <summary>Our server, the plain 2010 client on <c>ClientWebSocket</c>: the original browser client's framing, nothing acknowledged.</summary>
    TypedPlain,

    /// <summary>A SignalR hub, SignalR's .NET client.</summary>
    SignalR,

    /// <summary>The bare Kestrel WebSocket echo on <c>ClientWebSocket</c>.</summary>
    Bare,

    /// <summary>The bare echo on our <c>Socket</c>'s own RFC 6455 end.</summary>
    BareTypedEnd,

    /// <summary>Another build's server (<c>--baseline DIR</c>), our <c>Socket</c>.</summary>
    Baseline,

    /// <summary>Another build's server, the plain 2010 client.</summary>
    BaselinePlain,
}

public static class Contestants
{
    /// <summary>The server a contestant runs.</summary>
    public static ServerKind Server(this Contestant contestant) => contestant switch
    {
        Contestant.Typed or Contestant.TypedPlain => ServerKind.Typed,
        Contestant.SignalR => ServerKind.SignalR,
        Contestant.Bare or Contestant.BareTypedEnd => ServerKind.Bare,
        _ => ServerKind.Baseline,
    };

    /// <summary>Whether the contestant's clients ask typed questions, join rooms and use the HTTP transports (our Socket, SignalR's client).</summary>
    public static bool IsFullClient(this Contestant contestant) => contestant is Contestant.Typed or Contestant.SignalR or Contestant.Baseline;

    /// <summary>Whether the server can broadcast.</summary>
    public static bool Broadcasts(this Contestant contestant) => contestant.Server() != ServerKind.Bare;

    /// <summary>The contestant measured against, under the same client code, for the "/ bare" ratios.</summary>
    public static Contestant? SameClientBare(this Contestant contestant) => contestant switch
    {
        Contestant.Typed or Contestant.Baseline => Contestant.BareTypedEnd,
        Contestant.TypedPlain or Contestant.BaselinePlain => Contestant.Bare,
        _ => null,
    };
}
