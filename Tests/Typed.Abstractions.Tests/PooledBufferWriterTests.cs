using System.Buffers;
using Typed.Buffers;
using Typed.Framing;
using Typed.Messages;

namespace Typed.Abstractions.Tests;

public class PooledBufferWriterTests
{
    private static byte[] Pattern(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i * 31 + 7))];

    [Fact]
    public void Writing_past_the_initial_capacity_grows_and_keeps_the_data()
    {
        var expected = Pattern(100_000);
        using var writer = new PooledBufferWriter(16);

        for (var offset = 0; offset < expected.Length; offset += 100)
        {
            var span = writer.GetSpan(100);
            Assert.True(span.Length >= 100);
            expected.AsSpan(offset, 100).CopyTo(span);
            writer.Advance(100);
        }

        Assert.Equal(expected.Length, writer.WrittenCount);
        Assert.Equal(expected, writer.ToArray());
        Assert.Equal(expected, writer.WrittenSpan.ToArray());
        Assert.Equal(expected, writer.WrittenMemory.ToArray());
    }

    [Fact]
    public void A_single_large_request_grows_the_buffer_at_once()
    {
        var head = Pattern(10);
        var tail = Pattern(1 << 20);
        using var writer = new PooledBufferWriter();

        head.CopyTo(writer.GetMemory(head.Length));
        writer.Advance(head.Length);
        var memory = writer.GetMemory(tail.Length);
        Assert.True(memory.Length >= tail.Length);
        tail.CopyTo(memory);
        writer.Advance(tail.Length);

        Assert.Equal([.. head, .. tail], writer.ToArray());
    }

    [Fact]
    public void GetSpan_without_a_hint_still_offers_room_when_full()
    {
        using var writer = new PooledBufferWriter();
        var first = writer.GetSpan();
        var capacity = first.Length;
        first.Fill(0xAB);
        writer.Advance(capacity);

        var next = writer.GetSpan();
        Assert.False(next.IsEmpty);
        next[0] = 0xCD;
        writer.Advance(1);

        Assert.Equal([.. Enumerable.Repeat((byte)0xAB, capacity), 0xCD], writer.ToArray());
    }

    [Fact]
    public void Clear_forgets_what_was_written()
    {
        using var writer = new PooledBufferWriter();
        writer.Write(Pattern(1000));

        writer.Clear();

        Assert.Equal(0, writer.WrittenCount);
        Assert.True(writer.WrittenSpan.IsEmpty);
        writer.Write("xyz"u8);
        Assert.Equal("xyz"u8.ToArray(), writer.ToArray());
    }

    [Fact]
    public void Frames_encoded_into_it_match_Encode()
    {
        var messages = new[] { Message.FromText(new string('x', 5000) + "\U0001F600"), Message.FromJson("{\"a\":[1,2,3]}") };
        using var writer = new PooledBufferWriter(0);

        ServerFrame.Write(writer, messages);

        Assert.Equal(ServerFrame.Encode(messages), writer.ToArray());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Advance_rejects_a_negative_count(int count)
    {
        using var writer = new PooledBufferWriter();

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Advance(count));
        Assert.Equal(0, writer.WrittenCount);
    }

    [Fact]
    public void Advance_rejects_a_count_past_the_end_of_the_buffer()
    {
        using var writer = new PooledBufferWriter();
        writer.Write("abc"u8);
        var available = writer.GetSpan().Length;

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Advance(available + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Advance(int.MaxValue));
        Assert.Equal("abc"u8.ToArray(), writer.ToArray());
    }

    [Fact]
    public void Use_after_Dispose_throws_ObjectDisposedException()
    {
        var writer = new PooledBufferWriter();
        writer.Write("abc"u8);

        writer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => writer.GetSpan());
        Assert.Throws<ObjectDisposedException>(() => writer.GetMemory());
        Assert.Throws<ObjectDisposedException>(() => writer.GetSpan(10));
        Assert.Throws<ObjectDisposedException>(() => writer.Advance(1));
    }

    [Fact]
    public void Dispose_twice_is_harmless()
    {
        var writer = new PooledBufferWriter();
        writer.Dispose();

        var error = Record.Exception(writer.Dispose);

        Assert.Null(error);
    }

    [Fact]
    public void A_released_writer_is_empty_and_rents_again_on_the_next_write()
    {
        using var writer = new PooledBufferWriter(0);
        writer.Write(Pattern(300));

        writer.ClearAndRelease();
        Assert.Equal(0, writer.WrittenCount);
        writer.Write("after"u8);

        Assert.Equal("after"u8.ToArray(), writer.ToArray());
    }
}
