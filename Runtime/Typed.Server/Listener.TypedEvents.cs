using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Typed.Events;
using Typed.Server.Events;

namespace Typed.Server;

/// <summary>Typed events on the listener: handlers per contract, and typed broadcast.</summary>
public sealed partial class Listener
{
    private readonly EventHandlers<Client> _handlers = new();
    private static readonly Action<Client, Typed.Messages.Message> SendAnswer = static (client, answer) => client.Send(answer);
    private Action<Client, Exception, string>? _handlerFailed;

    /// <summary>
    /// Handles the events of <typeparamref name="TContract"/> with <typeparamref name="THandler"/>. A
    /// handler is made for each event, in a dependency-injection scope of its own in which
    /// <see cref="Client"/> is the client that sent it (as a SignalR hub is made per invocation).
    /// </summary>
    public Listener Handle<TContract, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where TContract : class
        where THandler : class, TContract
    {
        // The constructor is looked up once, not per event.
        var create = ActivatorUtilities.CreateFactory<THandler>(Type.EmptyTypes);
        _handlers.Add<TContract>((client, incoming) => DispatchInScopeAsync<TContract, THandler>(create, client, incoming));

        // Registers the contracts' generated code now, so that their declarations can be served.
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(typeof(TContract).Module.ModuleHandle);
        return this;
    }

    /// <summary>A sender of <typeparamref name="T"/>'s events to every connected client except the given session ids.</summary>
    public T Events<T>(params string[] except)
        where T : class => EventContract<T>.CreateSender(new BroadcastEventSink(this, except));

    private async ValueTask<EventOutcome> DispatchInScopeAsync<TContract, THandler>(ObjectFactory<THandler> create, Client client, IncomingEvent incoming)
        where TContract : class
        where THandler : class, TContract
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentClient>().Client = client;
        var handler = create(scope.ServiceProvider, null);
        return await EventContract<TContract>.Dispatch(handler, incoming).ConfigureAwait(false);
    }

    /// <summary>An answer to one of the server's questions, an event for a handler, or else a plain message.</summary>
    private bool TryHandleTyped(Client client, Typed.Messages.Message message) =>
        client.Answers.TryComplete(message)
        || _handlers.TryDispatch(client, message, SendAnswer, _handlerFailed ??= (client, e, name) => Logging.Log.HandlerFailed(_logger, e, name, client.SessionId));
}
