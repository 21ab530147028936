using Typed.Events;

namespace Typed.TestContracts;

/// <summary>What a greeting client sends: a note the server answers with an event, and a question it answers.</summary>
[Events]
public interface IGreeter
{
    void Note(string text);

    Task<string> Greet(string name);
}

/// <summary>What the server sends a greeting client back.</summary>
[Events]
public interface IGreeted
{
    void Noted(string text);
}
