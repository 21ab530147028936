namespace Typed.Events;

/// <summary>
/// The senders one connection has made, one per contract, so that asking again costs a lookup
/// rather than a sender. A connection that never sends typed events pays one null reference:
/// each contract gets a slot number the first time any connection asks for it, and a connection's
/// slots are an array grown on demand.
/// </summary>
internal struct SenderCache
{
    private object?[]? _senders;

    /// <summary>The sender of <typeparamref name="T"/>, made by <paramref name="create"/> the first time.</summary>
    public T GetOrAdd<T, TState>(TState state, Func<TState, T> create)
        where T : class
    {
        var slot = Slot<T>.Index;
        var senders = Volatile.Read(ref _senders);
        if (senders is not null && slot < senders.Length && senders[slot] is T cached)
        {
            return cached;
        }

        return Add(slot, create(state));
    }

    // Copy on write, so that readers take no lock; of two threads adding at once, one sender is
    // kept and both are equivalent.
    private T Add<T>(int slot, T sender)
        where T : class
    {
        while (true)
        {
            var senders = Volatile.Read(ref _senders);
            if (senders is not null && slot < senders.Length && senders[slot] is T existing)
            {
                return existing;
            }

            var grown = new object?[Math.Max(slot + 1, senders?.Length ?? 0)];
            senders?.CopyTo(grown, 0);
            grown[slot] = sender;
            if (Interlocked.CompareExchange(ref _senders, grown, senders) == senders)
            {
                return sender;
            }
        }
    }

    private static class Slots
    {
        public static int Next = -1;
    }

    private static class Slot<T>
    {
        public static readonly int Index = Interlocked.Increment(ref Slots.Next);
    }
}
