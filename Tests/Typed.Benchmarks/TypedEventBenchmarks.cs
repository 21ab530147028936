using BenchmarkDotNet.Attributes;
using Typed.Events;
using Typed.Events.Generated;
using Typed.Framing;
using Typed.Messages;
using Typed.MessagePack;

namespace Typed.Benchmarks;

/// <summary>A typed event encoded by the generated sender, as JSON and then as a MessagePack frame, and read back.</summary>
[MemoryDiagnoser]
public class TypedEventBenchmarks
{
    private readonly CapturingSink _sink = new();
    private readonly MessagePackFrameCodec _codec = new();
    private IBench _sender = null!;
    private byte[] _jsonFrame = null!;
    private byte[] _binaryFrame = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sender = EventContract<IBench>.CreateSender(_sink);
        _sender.Move(3, 4, 1.5, Corpus.Text);
        _jsonFrame = ServerFrame.Encode(_sink.Last);
        _binaryFrame = _codec.Encode(_jsonFrame);
    }

    [Benchmark(Baseline = true, Description = "encode Say(string) as JSON")]
    public Message EncodeSay()
    {
        _sender.Say(Corpus.Text);
        return _sink.Last;
    }

    [Benchmark(Description = "encode Move(int, int, double, string) as JSON")]
    public Message EncodeMove()
    {
        _sender.Move(3, 4, 1.5, Corpus.Text);
        return _sink.Last;
    }

    [Benchmark(Description = "JSON frame to MessagePack")]
    public byte[] ToMessagePack() => _codec.Encode(_jsonFrame);

    [Benchmark(Description = "MessagePack frame to JSON")]
    public byte[] FromMessagePack() => _codec.Decode(_binaryFrame);
}
