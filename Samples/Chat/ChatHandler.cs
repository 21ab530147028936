using Chat.Contracts;
using Typed.Server;

namespace Chat;

/// <summary>Handles what chat clients send; made per event, with the client that sent it.</summary>
public sealed class ChatHandler(Client client, ChatRooms rooms, RoomHistory history) : IChatServer
{
    public Task<int> Enter(string room) => rooms.EnterAsync(client, room);

    public Task Leave(string room) => rooms.LeaveAsync(client, room);

    // Only into a room the sender is in: a line is never heard by fewer than the room.
    public Task<long> Say(string room, string text) =>
        Task.FromResult(client.Rooms.Contains(room) ? history.Say(client, ChatRooms.UserOf(client), room, text) : 0);

    public Task<bool> Whisper(string recipient, string text) => Whispers.WhisperAsync(client, recipient, text);
}
