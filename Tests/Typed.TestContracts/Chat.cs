using Typed.Events;

namespace Typed.TestContracts;

/// <summary>What chat clients send; the server handles it.</summary>
[Events]
public interface IChatServer
{
    void Say(string text);

    Task<int> Join(string room);

    /// <summary>Fails on the server with an exception not meant for the caller, to show what it reads.</summary>
    Task<int> Fail(string message);

    /// <summary>Fails on the server with an <see cref="EventException"/>, whose message is for the caller.</summary>
    Task<int> Refuse(string reason);

    /// <summary>Answers only after <paramref name="milliseconds"/>, to show timeouts and cancellation.</summary>
    Task<string> Slow(int milliseconds, CancellationToken cancellationToken);
}

/// <summary>What the server sends; chat clients handle it.</summary>
[Events]
public interface IChatClient
{
    void Said(string user, string text);

    void Joined(string user, int members);

    /// <summary>The server asks a client, and waits for its answer.</summary>
    Task<string> WhoAreYou();
}
