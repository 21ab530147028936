using Typed.Events;
using Typed.Events.Generated;

namespace Typed.Benchmarks;

/// <summary>The contract the typed benchmarks send and dispatch.</summary>
[Events]
public interface IBench
{
    void Say(string text);

    void Move(int x, int y, double speed, string label);

    Task<string> Echo(string text);
}

/// <summary>A handler that does as little as possible, so that the dispatch is what is measured.</summary>
public sealed class BenchHandler : IBench
{
    public int Calls { get; private set; }

    public void Say(string text) => Calls++;

    public void Move(int x, int y, double speed, string label) => Calls++;

    public Task<string> Echo(string text) => Task.FromResult(text);
}

/// <summary>Keeps the last event a sender encoded.</summary>
internal sealed class CapturingSink : IEventSink
{
    public Typed.Messages.Message Last { get; private set; }

    public void Send(Typed.Messages.Message message) => Last = message;

    public Task<System.Text.Json.JsonElement> AskAsync(string eventName, Func<long, Typed.Messages.Message> request, CancellationToken cancellationToken)
    {
        Last = request(1);
        return Task.FromResult(default(System.Text.Json.JsonElement));
    }
}
