using System.Buffers;
using System.Text.Json;
using Typed.Events.Generated;

namespace Typed.Events;

/// <summary>
/// A JSON writer over a growable buffer, one kept per thread and reset for each use, so that
/// encoding an event, a result or an answer allocates only the bytes it produces.
/// </summary>
internal sealed class JsonScratch : IDisposable
{
    [ThreadStatic]
    private static JsonScratch? t_cached;

    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    private JsonScratch()
    {
        Json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = EventJson.Encoder });
    }

    public Utf8JsonWriter Json { get; }

    /// <summary>The thread's writer, empty (a new one when it is in use already, as in a nested encoding).</summary>
    public static JsonScratch Rent()
    {
        var scratch = t_cached ?? new JsonScratch();
        t_cached = null;
        return scratch;
    }

    /// <summary>What was written, flushed, as an array of its own.</summary>
    public byte[] ToArray()
    {
        Json.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    /// <summary>Gives the writer back to the thread, emptied; a big buffer is dropped rather than kept.</summary>
    public void Dispose()
    {
        if (_buffer.Capacity > 64 * 1024)
        {
            return;
        }

        _buffer.ResetWrittenCount();
        Json.Reset(_buffer);
        t_cached = this;
    }
}
