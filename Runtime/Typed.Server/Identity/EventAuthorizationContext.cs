using System.Text.Json;

namespace Typed.Server.Identity;

/// <summary>
/// What an event's authorization is asked about: the resource an <c>IAuthorizationHandler</c> finds
/// in <c>AuthorizationHandlerContext.Resource</c> when a handler's <c>[Authorize]</c> is evaluated
/// for an incoming event. The user is the session's, <see cref="Client.User"/>.
/// </summary>
public sealed class EventAuthorizationContext
{
    internal EventAuthorizationContext(Client client, Type contract, string eventName, JsonElement arguments)
    {
        Client = client;
        Contract = contract;
        EventName = eventName;
        Arguments = arguments;
    }

    /// <summary>The client that sent the event.</summary>
    public Client Client { get; }

    /// <summary>The event contract (the <c>[Events]</c> interface) that declares the event.</summary>
    public Type Contract { get; }

    /// <summary>The event's name on the wire: its method's name, or its <c>[EventName]</c>.</summary>
    public string EventName { get; }

    /// <summary>The event's arguments as they arrived, a JSON array, not yet read by the handler (so a requirement can look at, say, the room asked for).</summary>
    public JsonElement Arguments { get; }
}
