namespace Typed.Properties.Tests.Support;

/// <summary>Bytes allocated by a piece of work on this thread.</summary>
internal static class Allocations
{
    /// <summary>
    /// What a parser may allocate for input of <paramref name="length"/> bytes. The parsers keep
    /// messages as slices of the input: the worst case is a message every two bytes (<c>1,</c>),
    /// each a 16-byte slice in a list whose doublings allocate up to four slots per message, so
    /// 32 bytes per input byte; twice that leaves room for decoding text, and 64 KB covers what
    /// does not grow with the input (the reader's state, the list's first array, an exception
    /// and its message).
    /// </summary>
    public static long Bound(long length) => (64 * length) + (64 * 1024);

    public static long Of(Action work)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        work();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
