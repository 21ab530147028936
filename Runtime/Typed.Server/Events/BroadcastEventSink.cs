using System.Text.Json;
using Typed.Events;
using Typed.Events.Generated;
using Typed.Messages;

namespace Typed.Server.Events;

/// <summary>Typed events to every connected client but the excepted ones; a broadcast has no single answer.</summary>
internal sealed class BroadcastEventSink(Listener listener, string[] except) : IEventSink
{
    public void Send(Message message) => listener.Broadcast(message, except);

    public Task<JsonElement> AskAsync(string eventName, Func<long, Message> request, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"'{eventName}' expects an answer, and a broadcast has no single answer to give: send it to one client.");
}
