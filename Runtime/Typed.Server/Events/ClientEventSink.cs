using System.Text.Json;
using Typed.Events;
using Typed.Events.Generated;
using Typed.Messages;

namespace Typed.Server.Events;

/// <summary>Typed events to one client; it can answer.</summary>
internal sealed class ClientEventSink(Client client) : IEventSink
{
    private readonly Action<Message> _send = client.Send;

    public void Send(Message message) => client.Send(message);

    public Task<JsonElement> AskAsync(string eventName, Func<long, Message> request, CancellationToken cancellationToken) =>
        client.Answers.AskAsync(eventName, request, _send, cancellationToken);
}
