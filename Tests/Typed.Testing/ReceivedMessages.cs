using Typed.Server;

namespace Typed.Testing;

/// <summary>
/// The text of every message received, by a listener from its clients or by a client socket, in
/// the order it was handed over; safe to read while more arrive.
/// </summary>
public sealed class ReceivedMessages
{
    private readonly List<string> _texts = [];

    public int Count
    {
        get
        {
            lock (_texts)
            {
                return _texts.Count;
            }
        }
    }

    /// <summary>Records what <paramref name="listener"/> receives from now on: pass it as a server's setup.</summary>
    public void Record(Listener listener) => listener.ClientMessage += (_, message) => Add(message.Text);

    /// <summary>Records what <paramref name="socket"/> receives from now on.</summary>
    public void Record(Typed.Client.Socket socket) => socket.MessageReceived += message => Add(message.Text);

    public void Add(string text)
    {
        lock (_texts)
        {
            _texts.Add(text);
        }
    }

    public string[] Snapshot()
    {
        lock (_texts)
        {
            return [.. _texts];
        }
    }
}
