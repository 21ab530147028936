namespace Typed.Server.Events;

/// <summary>The client whose event is being handled, for the handler's dependency-injection scope.</summary>
internal sealed class CurrentClient
{
    public Client? Client { get; set; }
}
