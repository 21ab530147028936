using Typed.Messages;

namespace Typed.Server.ScaleOut;

/// <summary>The listener's side of a backplane: what other nodes send is delivered here, and sent nowhere else.</summary>
internal sealed class LocalDelivery(Listener listener) : IBackplaneReceiver
{
    public void Broadcast(Message message, string[] except) => listener.BroadcastHere(message, except);

    public void SendToUser(string userId, Message message, string[] except) => listener.SendToUserHere(userId, message, except);

    public void SendToRooms(string[] rooms, Message message, string[] except) => listener.SendToRoomsHere(rooms, message, except);

    public IReadOnlyCollection<string> RoomsOf(string sessionId) =>
        listener.ClientsIndex.TryGetValue(sessionId, out var client) ? client.Session.Rooms : [];

    public bool Send(string sessionId, Message message) => listener.SendHere(sessionId, message);

    public IReadOnlyCollection<string> SessionIds => [.. listener.ClientsIndex.Keys];
}
