namespace Typed.Testing;

/// <summary>Generous limits for waiting on events, so tests pass on a loaded two-core machine.</summary>
public static class Wait
{
    public static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    /// <summary>Waits for a condition that an event outside the test's reach makes true.</summary>
    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? within = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, within);

    /// <summary>Waits for a condition that takes asking someone else (a server, a database) to check.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? Long);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting until " + what);
            }

            await Task.Delay(10);
        }
    }

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Long);

    public static Task Within(this Task task) => task.WaitAsync(Long);
}
