namespace Typed.LoadBenchmark.Clients;

/// <summary>One session (on SignalR, one connection) of the stress run, held open and watched for drops.</summary>
internal interface IHeldSession : IAsyncDisposable
{
    /// <summary>The transport's name, as the session's server names it.</summary>
    string Transport { get; }

    /// <summary>Why the session could not be opened, if it could not.</summary>
    Exception? Failure { get; }

    /// <summary>How many times it has dropped since it was opened.</summary>
    int Drops { get; }

    bool Connected { get; }

    Task ConnectAsync();

    /// <summary>Whether a message sent now comes back within <paramref name="patience"/>.</summary>
    Task<bool> EchoesAsync(string text, TimeSpan patience);
}
