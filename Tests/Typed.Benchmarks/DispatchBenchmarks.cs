using System.Reflection;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Typed.Events;
using Typed.Events.Generated;
using Typed.Messages;

namespace Typed.Benchmarks;

/// <summary>
/// An incoming event reaching its handler: the generated dispatcher (a switch, typed reads)
/// against what a reflection-based framework does (find the method, deserialize each argument
/// to its parameter type, invoke).
/// </summary>
[MemoryDiagnoser]
public class DispatchBenchmarks
{
    private readonly BenchHandler _handler = new();
    private readonly Dictionary<string, MethodInfo> _methods = typeof(IBench).GetMethods().ToDictionary(m => m.Name);
    private IncomingEvent _incoming;

    [GlobalSetup]
    public void Setup()
    {
        var sink = new CapturingSink();
        EventContract<IBench>.CreateSender(sink).Move(3, 4, 1.5, Corpus.Text);
        if (!EventWire.TryReadEvent(sink.Last, out _incoming))
        {
            throw new InvalidOperationException("The sender's message is no event.");
        }
    }

    [Benchmark(Baseline = true, Description = "generated dispatcher")]
    public ValueTask<EventOutcome> Generated() => EventContract<IBench>.Dispatch(_handler, _incoming);

    [Benchmark(Description = "reflection: look up, deserialize, invoke")]
    public object? Reflection()
    {
        var method = _methods[_incoming.Name];
        var parameters = method.GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = _incoming.Arg(i).Deserialize(parameters[i].ParameterType, JsonSerializerOptions.Default);
        }

        return method.Invoke(_handler, arguments);
    }
}
