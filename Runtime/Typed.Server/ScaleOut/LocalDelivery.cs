using Typed.Messages;

namespace Typed.Server.ScaleOut;

/// <summary>The listener's side of a backplane: what other nodes send is delivered here, and sent nowhere else.</summary>
internal sealed class LocalDelivery(Listener listener) : IBackplaneReceiver
{
    public void Broadcast(Message message, string[] except) => listener.BroadcastHere(message, except);

    public void SendToUser(string userId, Message message, string[] except) => listener.SendToUserHere(userId, message, except);

    public bool Send(string sessionId, Message message) => listener.SendHere(sessionId, message);

    public IReadOnlyCollection<string> SessionIds => [.. listener.ClientsIndex.Keys];
}
