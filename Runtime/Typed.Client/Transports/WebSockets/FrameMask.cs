using System.Runtime.InteropServices;

namespace Typed.Client.Transports.WebSockets;

/// <summary>RFC 6455 masking: every payload byte XORed with the key byte at its position modulo four.</summary>
internal static class FrameMask
{
    public static void Apply(ReadOnlySpan<byte> source, Span<byte> destination, ReadOnlySpan<byte> key)
    {
        // Eight bytes at a time with the key repeated twice, then the tail byte by byte.
        Span<byte> wide = stackalloc byte[8];
        key.CopyTo(wide);
        key.CopyTo(wide[4..]);
        var mask = MemoryMarshal.Read<ulong>(wide);

        var i = 0;
        for (; i + 8 <= source.Length; i += 8)
        {
            MemoryMarshal.Write(destination[i..], MemoryMarshal.Read<ulong>(source[i..]) ^ mask);
        }

        for (; i < source.Length; i++)
        {
            destination[i] = (byte)(source[i] ^ key[i & 3]);
        }
    }
}
