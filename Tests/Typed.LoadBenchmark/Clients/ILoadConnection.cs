namespace Typed.LoadBenchmark.Clients;

/// <summary>One client connection of the load, whatever the server: the operations the scenarios time.</summary>
public interface ILoadConnection : IAsyncDisposable
{
    Task ConnectAsync();

    /// <summary>Sends the text as a plain message and waits for it to come back.</summary>
    /// <param name="text">What to send.</param>
    /// <param name="onThreadPool">
    /// Whether the wait ends on a thread-pool thread (as an application's awaiting code usually
    /// does, after a task completed with asynchronous continuations) rather than on the thread
    /// that received the answer.
    /// </param>
    Task EchoAsync(string text, bool onThreadPool);

    /// <summary>Asks the typed echo (a hub method on SignalR) and waits for the answer.</summary>
    Task TypedEchoAsync(string text);

    /// <summary>Asks the server to send the text to everyone.</summary>
    Task ShoutAsync(string text);

    /// <summary>Asks the server to put this connection in the room, and waits until it has.</summary>
    Task JoinAsync(string room);

    /// <summary>Asks the server to send the text to the room's members.</summary>
    Task ShoutToAsync(string room, string text);

    /// <summary>How many broadcast messages this connection has received.</summary>
    int Heard { get; }
}
