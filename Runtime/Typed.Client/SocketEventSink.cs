using System.Text.Json;
using Typed.Events;
using Typed.Events.Generated;
using Typed.Messages;

namespace Typed.Client;

/// <summary>Typed events from the client to the server, over the socket's outbox.</summary>
internal sealed class SocketEventSink(Socket socket) : IEventSink
{
    private readonly Action<Message> _send = socket.Enqueue;

    public void Send(Message message) => socket.Enqueue(message);

    public Task<JsonElement> AskAsync(string eventName, Func<long, Message> request, CancellationToken cancellationToken) =>
        socket.Answers.AskAsync(eventName, request, _send, cancellationToken);
}
