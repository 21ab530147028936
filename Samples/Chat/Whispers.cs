using Chat.Contracts;
using Typed.Server;

namespace Chat;

/// <summary>Whispers, from one user to every tab of another, through the server's users.</summary>
public static class Whispers
{
    /// <summary>
    /// Sends a whisper to every tab of <paramref name="to"/> and to the sender's other tabs (the
    /// sending tab shows it on the answer), through <see cref="Listener.User"/>, which reaches the
    /// user's sessions on every node. Answers whether <paramref name="to"/> is connected anywhere.
    /// </summary>
    public static async Task<bool> WhisperAsync(Client client, string to, string text)
    {
        var from = ChatRooms.UserOf(client);
        if ((await client.Listener.Cluster.SessionsOfUserAsync(to)).Count == 0)
        {
            return false;
        }

        // Leaving out the sending session matters only for a whisper to oneself.
        client.Listener.User(to, client.SessionId).Events<IChatClient>().Whispered(from, to, text);
        if (!string.Equals(to, from, StringComparison.Ordinal))
        {
            client.Listener.User(from, client.SessionId).Events<IChatClient>().Whispered(from, to, text);
        }

        return true;
    }
}
