using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Typed.Events;
using Typed.Events.Generated;
using Typed.Server.Events;
using Typed.Server.Identity;

namespace Typed.Server;

/// <summary>Typed events on the listener: handlers per contract, and typed broadcast.</summary>
public sealed partial class Listener
{
    private readonly EventHandlers<Client> _handlers = new();
    private static readonly Action<Client, Typed.Messages.Message> SendAnswer = static (client, answer) => client.Send(answer);
    private static readonly Action<Client, Exception, string> HandlerFailed = static (client, e, name) =>
    {
        if (e is EventRefusedException refused)
        {
            Logging.Log.EventRefused(client.Listener._logger, client.SessionId, refused.Contract.Name, name, client.UserId);
        }
        else
        {
            Logging.Log.HandlerFailed(client.Listener._logger, e, name, client.SessionId);
        }
    };

    /// <summary>
    /// Handles the events of <typeparamref name="TContract"/> with <typeparamref name="THandler"/>. A
    /// handler is made for each event (as a SignalR hub is made per invocation); one whose
    /// constructor takes services gets them from a dependency-injection scope of its own, in which
    /// <see cref="Client"/> is the client that sent the event.
    /// </summary>
    /// <remarks>
    /// <c>[Authorize]</c> (with a policy or roles) and <c>[AllowAnonymous]</c> on the handler type or
    /// its methods are evaluated with the application's <c>IAuthorizationService</c> against
    /// <see cref="Client.User"/> before each event is handed over, with an
    /// <see cref="EventAuthorizationContext"/> as the resource. A refused event that expects an
    /// answer is answered with the error "not authorised"; one that does not is dropped. Both are logged.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The handler uses <c>[Authorize]</c> without <c>AddAuthorization()</c>, or names a policy that does not exist.</exception>
    public Listener Handle<
        [DynamicallyAccessedMembers(ContractAuthorization.ContractMembers)] TContract,
        [DynamicallyAccessedMembers(ContractAuthorization.HandlerMembers | DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where TContract : class
        where THandler : class, TContract
    {
        // The constructor and the attributes are looked up once, not per event. A constructor that
        // takes the Client is given it directly, so that the common handler needs no scope at all.
        var (create, takesClient, takesServices) = HandlerFactory<THandler>();
        Func<Client, IncomingEvent, ValueTask<EventOutcome>> dispatch = takesServices
            ? (client, incoming) => DispatchInScopeAsync<TContract, THandler>(create, takesClient, client, incoming)
            : (client, incoming) => EventContract<TContract>.Dispatch(create(_services, takesClient ? [client] : null), incoming);
        var authorization = ContractAuthorization.For<TContract, THandler>(_services);
        _handlers.Add<TContract>(authorization is null ? dispatch : (client, incoming) => authorization.Dispatch(client, incoming, dispatch));

        // Registers the contracts' generated code now, so that their declarations can be served.
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(typeof(TContract).Module.ModuleHandle);
        return this;
    }

    /// <summary>A sender of <typeparamref name="T"/>'s events to every connected client except the given session ids.</summary>
    public T Events<T>(params string[] except)
        where T : class => new Recipients(Broadcast, except, "a broadcast").Events<T>();

    /// <summary>
    /// A sender of <typeparamref name="T"/>'s events to one session's client, on whichever node it
    /// is connected to. Events that expect an answer can be asked of a client on this node only:
    /// answers do not cross the backplane.
    /// </summary>
    public T EventsFor<T>(string sessionId)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        return EventContract<T>.CreateSender(new SessionEventSink(this, sessionId));
    }

    /// <summary>The client whose event is being handled, along the handler's async flow: what a scope's <see cref="CurrentClient"/> is made with.</summary>
    internal static Client? Dispatching => s_dispatching.Value;

    private static readonly AsyncLocal<Client?> s_dispatching = new();

    /// <summary>
    /// How a handler is made: its factory, whether it is given the client, and whether it takes
    /// services. A handler that takes nothing but the client needs no scope: none is made for it.
    /// </summary>
    private static (ObjectFactory<THandler> Create, bool TakesClient, bool TakesServices) HandlerFactory<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where THandler : class
    {
        var parameters = typeof(THandler).GetConstructors().SelectMany(c => c.GetParameters()).ToList();
        var takesClient = parameters.Any(p => p.ParameterType == typeof(Client));
        var takesServices = parameters.Any(p => p.ParameterType != typeof(Client));
        return (ActivatorUtilities.CreateFactory<THandler>(takesClient ? [typeof(Client)] : Type.EmptyTypes), takesClient, takesServices);
    }

    private async ValueTask<EventOutcome> DispatchInScopeAsync<TContract, THandler>(ObjectFactory<THandler> create, bool takesClient, Client client, IncomingEvent incoming)
        where TContract : class
        where THandler : class, TContract
    {
        await using var scope = _services.CreateAsyncScope();
        s_dispatching.Value = client; // restored for the caller when this method returns
        var handler = create(scope.ServiceProvider, takesClient ? [client] : null);
        return await EventContract<TContract>.Dispatch(handler, incoming).ConfigureAwait(false);
    }

    /// <summary>An event for a handler, or else a plain message (answers to the server's questions were taken as they arrived).</summary>
    private bool TryHandleTyped(Client client, Typed.Messages.Message message) =>
        _handlers.TryDispatch(client, message, SendAnswer, HandlerFailed);
}
