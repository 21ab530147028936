using System.Security.Cryptography;

namespace Typed.Client.Transports.WebSockets;

/// <summary>
/// The masking keys of the frames a client sends. RFC 6455 wants each one unpredictable, so they
/// come from the cryptographic generator; but one call to it costs microseconds, more than the rest
/// of a small message, so keys are drawn from it 256 at a time, into a pool of each thread's own.
/// </summary>
internal static class MaskKeys
{
    private const int PoolSize = 1024;

    [ThreadStatic]
    private static byte[]? t_pool;

    [ThreadStatic]
    private static int t_next;

    /// <summary>Writes the next four-byte key into <paramref name="key"/>.</summary>
    public static void Next(Span<byte> key)
    {
        var pool = t_pool;
        if (pool is null || t_next == PoolSize)
        {
            pool = t_pool ??= new byte[PoolSize];
            RandomNumberGenerator.Fill(pool);
            t_next = 0;
        }

        pool.AsSpan(t_next, 4).CopyTo(key);
        t_next += 4;
    }
}
