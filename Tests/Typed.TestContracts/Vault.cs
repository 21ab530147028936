using Typed.Events;

namespace Typed.TestContracts;

/// <summary>A door anyone may ring, extended by <see cref="IVault"/>: its events are the vault's too.</summary>
public interface IDoor
{
    Task<string> Ring();
}

/// <summary>What vault clients send; the server's handlers say who may send what.</summary>
[Events]
public interface IVault : IDoor
{
    Task<string> Peek();

    Task<string> Open();

    /// <summary>Named on the wire other than its method, to show that a handler's attributes follow the event.</summary>
    [EventName("lock-up")]
    Task<string> LockUp();

    Task<string> Enter(string room);

    Task<string> Visit();

    void Deposit(int amount);

    void Knock(int count);
}
