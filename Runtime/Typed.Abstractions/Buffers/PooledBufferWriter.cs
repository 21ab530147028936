using System.Buffers;

namespace Typed.Buffers;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over arrays rented from <see cref="ArrayPool{T}.Shared"/>,
/// so frames are encoded without allocating a fresh buffer per frame.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private const int MinimumSize = 256;
    private byte[] _buffer;
    private int _written;
    private bool _disposed;

    /// <summary>
    /// Rents a first array of at least <paramref name="initialCapacity"/> bytes (never fewer than
    /// 256), or, given 0, none until the first write.
    /// </summary>
    public PooledBufferWriter(int initialCapacity = MinimumSize)
    {
        _buffer = initialCapacity == 0 ? [] : ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, MinimumSize));
    }

    /// <summary>
    /// What was written so far. It lies in a rented array: valid only until the writer next grows,
    /// is cleared or is disposed; copy it (<see cref="ToArray"/>) to keep it longer.
    /// </summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    /// <inheritdoc cref="WrittenMemory"/>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    /// <summary>How many bytes were written so far.</summary>
    public int WrittenCount => _written;

    /// <summary>Forgets what was written, keeping the rented array for the next frame.</summary>
    public void Clear() => _written = 0;

    /// <summary>
    /// Forgets what was written and gives the array back to the pool until the next write: for a
    /// writer that waits a long time between uses (an idle connection's receive buffer).
    /// </summary>
    public void ClearAndRelease()
    {
        _written = 0;
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc/>
    public void Advance(int count)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (count < 0 || count > _buffer.Length - _written)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _written += count;
    }

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_written);
    }

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>A copy of what was written, which outlives the writer.</summary>
    public byte[] ToArray() => WrittenSpan.ToArray();

    /// <summary>
    /// Returns the array to the pool: memory the writer handed out must not be used after this, and
    /// writing throws <see cref="ObjectDisposedException"/>. Disposing twice is harmless.
    /// </summary>
    public void Dispose()
    {
        _disposed = true;
        ClearAndRelease();
    }

    private void Reserve(int sizeHint)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }

        var grown = ArrayPool<byte>.Shared.Rent(Math.Max(Math.Max(_buffer.Length * 2, _written + needed), MinimumSize));
        _buffer.AsSpan(0, _written).CopyTo(grown);
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = grown;
    }
}
