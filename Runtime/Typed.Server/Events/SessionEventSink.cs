using System.Text.Json;
using Typed.Events;
using Typed.Events.Generated;
using Typed.Messages;

namespace Typed.Server.Events;

/// <summary>Typed events to one session id, on whichever node its client is connected to.</summary>
internal sealed class SessionEventSink(Listener listener, string sessionId) : IEventSink
{
    public void Send(Message message) => _ = SendAsync(message);

    public Task<JsonElement> AskAsync(string eventName, Func<long, Message> request, CancellationToken cancellationToken) =>
        listener.ClientsIndex.TryGetValue(sessionId, out var client)
            ? client.Session.Answers.AskAsync(eventName, request, client.Session.EnqueueQuestion, cancellationToken)
            : throw new InvalidOperationException($"'{eventName}' expects an answer, and session {sessionId} is not connected to this node: answers do not cross the backplane.");

    private async Task SendAsync(Message message)
    {
        try
        {
            if (!await listener.SendAsync(sessionId, message).ConfigureAwait(false))
            {
                Logging.Log.SessionNotFound(listener.Logger, sessionId);
            }
        }
        catch (Exception e)
        {
            Logging.Log.SendToSessionFailed(listener.Logger, e, sessionId);
        }
    }
}
