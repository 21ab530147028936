namespace Typed.Threading;

/// <summary>
/// Marks the thread that is handing a connection's incoming messages to the application, so that
/// what the application sends meanwhile is written by that thread once it is done (in one frame or
/// payload) instead of waking the connection's writer for each message: on a busy machine the
/// wake costs more than the write. Sends from other threads wake the writer as usual. The server's
/// sessions and the .NET client's sockets both use it.
/// </summary>
/// <typeparam name="TConnection">The server's session or the client's socket.</typeparam>
internal static class AnsweringThread<TConnection>
    where TConnection : class
{
    [ThreadStatic]
    private static TConnection? t_answering;

    /// <summary>Whether this thread is handing <paramref name="connection"/>'s messages over.</summary>
    public static bool IsAnswering(TConnection connection) => ReferenceEquals(t_answering, connection);

    /// <summary>
    /// Marks this thread as handing <paramref name="connection"/>'s messages over until the scope is
    /// disposed; a nested scope (a handler that feeds another connection) restores the outer one.
    /// </summary>
    public static Scope Enter(TConnection connection)
    {
        var outer = t_answering;
        t_answering = connection;
        return new Scope(outer);
    }

    /// <summary>Restores the thread's mark as it was before <see cref="Enter"/>.</summary>
    public readonly struct Scope(TConnection? outer) : IDisposable
    {
        public void Dispose() => t_answering = outer;
    }
}
