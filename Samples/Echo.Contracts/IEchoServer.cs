using Typed.Events;

namespace Echo.Contracts;

/// <summary>What an echo client asks of the server.</summary>
[Events]
public interface IEchoServer
{
    /// <summary>Answers with the same text.</summary>
    Task<string> Echo(string text);
}
