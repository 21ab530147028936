using Typed.Framing;

namespace Typed.LoadBenchmark.Clients;

/// <summary>
/// A WebSocket connection's stream that tells a <see cref="HeartbeatCounter"/> of the heartbeat
/// frames read and the pongs written. Server frames are unmasked, so the heartbeat's text is seen
/// as sent, matched across reads; a message holding it would be escaped inside its string, so only
/// the heartbeat itself matches. Our client writes each frame whole, so a write that starts with a
/// pong's first byte is a pong.
/// </summary>
internal sealed class CountingWebSocketStream(Stream connection, HeartbeatCounter counter) : Stream
{
    private const byte FinalPong = 0x8A;
    private int _matched; // how much of the heartbeat's text the last bytes read were

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await connection.ReadAsync(buffer, cancellationToken);
        Look(buffer.Span[..read]);
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = connection.Read(buffer, offset, count);
        Look(buffer.AsSpan(offset, read));
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Written(buffer.Span);
        return connection.WriteAsync(buffer, cancellationToken);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        Written(buffer.AsSpan(offset, count));
        connection.Write(buffer, offset, count);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => connection.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => connection.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            connection.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Written(ReadOnlySpan<byte> frame)
    {
        if (frame.Length > 0 && frame[0] == FinalPong)
        {
            counter.Answered();
        }
    }

    private void Look(ReadOnlySpan<byte> bytes)
    {
        // The heartbeat's text has its opening brace only at the start, so after a mismatch the
        // only partial match left is a brace just read.
        var heartbeat = Heartbeat.Frame.Span;
        foreach (var b in bytes)
        {
            _matched = b == heartbeat[_matched] ? _matched + 1 : b == heartbeat[0] ? 1 : 0;
            if (_matched == heartbeat.Length)
            {
                counter.HeartbeatArrived();
                _matched = 0;
            }
        }
    }
}
