using BenchmarkDotNet.Attributes;
using Typed.Framing;

namespace Typed.Benchmarks;

/// <summary>
/// A broadcast to N clients: the frame encoded once and the same bytes handed to every client's
/// queue (as the server does), against a frame encoded per client (as a naive server would).
/// </summary>
[MemoryDiagnoser]
public class BroadcastBenchmarks
{
    private ReadOnlyMemory<byte>[] _queues = [];

    [Params(100, 1000)]
    public int Clients { get; set; }

    [GlobalSetup]
    public void Setup() => _queues = new ReadOnlyMemory<byte>[Clients];

    [Benchmark(Baseline = true, Description = "frame encoded once")]
    public int EncodedOnce()
    {
        var frame = ServerFrame.Encode(Corpus.One);
        for (var i = 0; i < _queues.Length; i++)
        {
            _queues[i] = frame;
        }

        return _queues.Length;
    }

    [Benchmark(Description = "frame encoded per client")]
    public int EncodedPerClient()
    {
        for (var i = 0; i < _queues.Length; i++)
        {
            _queues[i] = ServerFrame.Encode(Corpus.One);
        }

        return _queues.Length;
    }
}
