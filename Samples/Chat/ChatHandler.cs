using Chat.Contracts;
using Typed.Server;

namespace Chat;

/// <summary>Handles what chat clients send; made per event, with the client that sent it.</summary>
public sealed class ChatHandler(Client client, ChatRoom room) : IChatServer
{
    public Task<long> Say(string text) => Task.FromResult(room.Say(client, text));

    public Task<int> Join() => Task.FromResult(room.Join(client));

    public Task<bool> Whisper(string recipient, string text) => room.WhisperAsync(client, recipient, text);
}
