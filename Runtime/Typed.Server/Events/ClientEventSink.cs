using System.Text.Json;
using Typed.Events;
using Typed.Events.Generated;
using Typed.Messages;
using Typed.Server.Sessions;

namespace Typed.Server.Events;

/// <summary>Typed events to one client; it can answer.</summary>
internal sealed class ClientEventSink(Session session) : IEventSink
{
    private readonly Action<Message> _ask = session.EnqueueQuestion;

    public void Send(Message message) => session.Client.Send(message);

    public Task<JsonElement> AskAsync(string eventName, Func<long, Message> request, CancellationToken cancellationToken) =>
        session.Answers.AskAsync(eventName, request, _ask, cancellationToken);
}
