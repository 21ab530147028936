using BenchmarkDotNet.Attributes;
using Typed.Buffers;
using Typed.Framing;
using Typed.Messages;

namespace Typed.Benchmarks;

/// <summary>Server frames and client payloads: writing one message, a batch, and reading them back.</summary>
[MemoryDiagnoser]
public class FramingBenchmarks
{
    private readonly PooledBufferWriter _output = new(4096);
    private readonly byte[] _oneFrame = ServerFrame.Encode(Corpus.One);
    private readonly byte[] _batchFrame = ServerFrame.Encode(Corpus.Batch);
    private readonly byte[] _batchPayload = ClientPayload.Encode(Corpus.Batch);

    [Benchmark(Description = "write a frame of one message")]
    public int WriteOne()
    {
        _output.Clear();
        ServerFrame.Write(_output, [Corpus.One]);
        return _output.WrittenCount;
    }

    [Benchmark(Description = "write a frame of a batch of 10")]
    public int WriteBatch()
    {
        _output.Clear();
        ServerFrame.Write(_output, Corpus.Batch);
        return _output.WrittenCount;
    }

    [Benchmark(Description = "parse a frame of one message")]
    public int ParseOne() => ServerFrame.Parse(_oneFrame).Count;

    [Benchmark(Description = "parse a frame of a batch of 10")]
    public int ParseBatch() => ServerFrame.Parse(_batchFrame).Count;

    [Benchmark(Description = "parse a client payload of 10")]
    public int ParsePayload() => ClientPayload.Parse(_batchPayload).Count;

    [GlobalCleanup]
    public void Cleanup() => _output.Dispose();
}
