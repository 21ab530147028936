namespace Typed.LoadBenchmark.Servers;

/// <summary>A server process of one kind, running for the whole benchmark.</summary>
public sealed record RunningServer(ServerKind Kind, ServerProcess Process);
