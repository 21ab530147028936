namespace Typed.Client.Transports;

/// <summary>
/// Cuts the frames out of a kept-open HTTP response as its bytes arrive. Each streaming transport
/// has its own layout; what is not complete yet is kept for the next read.
/// </summary>
internal abstract class StreamFrameReader
{
    private byte[] _buffer = new byte[16 * 1024];
    private int _length;
    private int _lengthLooked; // what was kept after the last look: an incomplete piece

    /// <summary>Adds bytes that arrived and hands every complete frame to <paramref name="onFrame"/>.</summary>
    public void Feed(ReadOnlySpan<byte> bytes, Action<ReadOnlyMemory<byte>> onFrame)
    {
        if (_length + bytes.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes.Length));
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
        if (_length < 2 * _lengthLooked && !bytes.Contains(EndByte))
        {
            // What ends a piece has not arrived: looking again would scan the whole piece so far
            // on every read, which a frame trickled in small reads makes quadratic. (Looking when
            // the buffer has doubled still lets a layout pass over what it skips, padding say.)
            return;
        }

        var start = 0;
        while (TryRead(_buffer.AsSpan(start, _length - start), out var consumed, out var frame))
        {
            if (frame.Length > 0)
            {
                onFrame(frame.ToArray());
            }

            start += consumed;
        }

        _buffer.AsSpan(start, _length - start).CopyTo(_buffer);
        _length -= start;
        _lengthLooked = Math.Max(_length, 1);
    }

    /// <summary>The last byte of whatever ends a piece of this layout: no piece completes without it.</summary>
    protected abstract byte EndByte { get; }

    /// <summary>
    /// Reads one piece from the front of <paramref name="buffer"/>: a frame, or something to pass
    /// over (a preamble, a heartbeat) with an empty <paramref name="frame"/>. False when the piece is not complete yet.
    /// </summary>
    protected abstract bool TryRead(ReadOnlySpan<byte> buffer, out int consumed, out ReadOnlySpan<byte> frame);
}
