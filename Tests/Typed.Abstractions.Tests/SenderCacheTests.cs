using Typed.Events;

namespace Typed.Abstractions.Tests;

public sealed class SenderCacheTests
{
    [Fact]
    public void A_contracts_sender_is_made_once_and_each_contract_has_its_own()
    {
        var cache = new SenderCache();
        var made = 0;

        var first = cache.GetOrAdd(0, _ => { made++; return new First(); });
        var again = cache.GetOrAdd(0, _ => { made++; return new First(); });
        var second = cache.GetOrAdd(0, _ => new Second());

        Assert.Same(first, again);
        Assert.Equal(1, made);
        Assert.Same(second, cache.GetOrAdd(0, _ => new Second()));
        Assert.Same(first, cache.GetOrAdd(0, _ => new First()));
    }

    [Fact]
    public async Task Senders_added_at_once_from_many_threads_are_all_kept()
    {
        for (var round = 0; round < 200; round++)
        {
            var cache = new Holder();
            using var start = new Barrier(4);
            var made = await Task.WhenAll(
                Task.Run(() => { start.SignalAndWait(); return (object)cache.Get(() => new First()); }),
                Task.Run(() => { start.SignalAndWait(); return (object)cache.Get(() => new Second()); }),
                Task.Run(() => { start.SignalAndWait(); return (object)cache.Get(() => new Third()); }),
                Task.Run(() => { start.SignalAndWait(); return (object)cache.Get(() => new Fourth()); }));

            Assert.Same(made[0], cache.Get(() => new First()));
            Assert.Same(made[1], cache.Get(() => new Second()));
            Assert.Same(made[2], cache.Get(() => new Third()));
            Assert.Same(made[3], cache.Get(() => new Fourth()));
        }
    }

    // A class holds the cache, as a session does, so that every thread works on the one field.
    private sealed class Holder
    {
        private SenderCache _cache;

        public T Get<T>(Func<T> create)
            where T : class => _cache.GetOrAdd(create, static make => make());
    }

    private sealed class First;

    private sealed class Second;

    private sealed class Third;

    private sealed class Fourth;
}
