using System.Text.Json;
using Typed.Events.Generated;
using Typed.Messages;

namespace Typed.Server.Events;

/// <summary>Typed events to a set of sessions (a broadcast, a user's); many sessions have no single answer.</summary>
internal sealed class RecipientsEventSink(Recipients recipients) : IEventSink
{
    public void Send(Message message) => recipients.Send(message);

    public Task<JsonElement> AskAsync(string eventName, Func<long, Message> request, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"'{eventName}' expects an answer, and {recipients.Description} has no single answer to give: send it to one client.");
}
