using Typed.Server;

namespace Typed.Testing;

/// <summary>The text of every message a listener's clients sent, in the order it was handed over; safe to read while more arrive.</summary>
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
    public void Record(Listener listener) => listener.ClientMessage += (_, message) =>
    {
        lock (_texts)
        {
            _texts.Add(message.Text);
        }
    };

    public string[] Snapshot()
    {
        lock (_texts)
        {
            return [.. _texts];
        }
    }
}
