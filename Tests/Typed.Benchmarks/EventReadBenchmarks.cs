using BenchmarkDotNet.Attributes;
using Typed.Events;
using Typed.Events.Generated;
using Typed.Messages;

namespace Typed.Benchmarks;

/// <summary>
/// What each side does with a typed message as it arrives: the handler's side reads an event
/// and dispatches it (answering when asked), the asker's side reads the answer's result.
/// </summary>
[MemoryDiagnoser]
public class EventReadBenchmarks
{
    private static readonly Action<BenchHandler, Message> Answered = static (_, _) => { };
    private static readonly Action<BenchHandler, Exception, string> Failed = static (_, e, _) => throw e;

    private readonly BenchHandler _handler = new();
    private readonly EventHandlers<BenchHandler> _handlers = new();
    private Message _move;
    private Message _echo;
    private Message _answer;

    [GlobalSetup]
    public void Setup()
    {
        _handlers.Add<IBench>(static (handler, incoming) => EventContract<IBench>.Dispatch(handler, incoming));
        var sink = new CapturingSink();
        var sender = EventContract<IBench>.CreateSender(sink);
        sender.Move(3, 4, 1.5, Corpus.Text);
        _move = sink.Last;
        _ = sender.Echo(Corpus.Text);
        _echo = sink.Last;
        _answer = EventWire.AnswerWith(1, "\"0123456789abcdef0123456789abcdef\""u8.ToArray());
    }

    [Benchmark(Baseline = true, Description = "Move(int, int, double, string) read and dispatched")]
    public bool ReadMove() => _handlers.TryDispatch(_handler, _move, Answered, Failed);

    [Benchmark(Description = "Echo(string) read, dispatched and answered")]
    public bool ReadEcho() => _handlers.TryDispatch(_handler, _echo, Answered, Failed);

    [Benchmark(Description = "an answer's string result read")]
    public string? ReadAnswer() =>
        EventWire.TryReadAnswer(_answer, out _, out var result, out _) ? EventJson.ReadString(result) : null;
}
