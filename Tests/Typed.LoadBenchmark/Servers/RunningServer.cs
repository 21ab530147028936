namespace Typed.LoadBenchmark.Servers;

/// <summary>A contestant's server process, running for the whole benchmark.</summary>
public sealed record RunningServer(Contestant Contestant, ServerProcess Process)
{
    public ServerKind Kind => Contestant.Server();

    public string Name => Contestant.ToString();
}
