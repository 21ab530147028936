using BenchmarkDotNet.Attributes;
using Typed.Buffers;
using Typed.Server.Transports;

namespace Typed.Benchmarks;

/// <summary>The htmlfile escape (a frame inside a script tag) and the single-line one of the other streams.</summary>
[MemoryDiagnoser]
public class EscapingBenchmarks
{
    private readonly PooledBufferWriter _output = new(4096);

    [Benchmark(Description = "htmlfile escape, nothing to escape")]
    public int ScriptSafePlain()
    {
        _output.Clear();
        FrameEscaping.WriteScriptSafe(_output, Corpus.PlainFrame);
        return _output.WrittenCount;
    }

    [Benchmark(Description = "htmlfile escape, </script> and U+2028")]
    public int ScriptSafeHostile()
    {
        _output.Clear();
        FrameEscaping.WriteScriptSafe(_output, Corpus.ScriptHostileFrame);
        return _output.WrittenCount;
    }

    [Benchmark(Description = "single-line escape (server-events, multipart)")]
    public int SingleLine()
    {
        _output.Clear();
        FrameEscaping.WriteSingleLine(_output, Corpus.PlainFrame);
        return _output.WrittenCount;
    }

    [GlobalCleanup]
    public void Cleanup() => _output.Dispose();
}
