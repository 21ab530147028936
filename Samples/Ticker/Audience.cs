using Typed.Server;

namespace Ticker;

/// <summary>Waits until enough clients are connected, by listening to connections rather than polling.</summary>
public static class Audience
{
    public static async Task WaitAsync(Listener listener, int count, CancellationToken cancellationToken)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(Client? _)
        {
            if (listener.Clients.Count >= count)
            {
                reached.TrySetResult();
            }
        }

        listener.ClientConnected += Check;
        try
        {
            Check(null);
            await reached.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            listener.ClientConnected -= Check;
        }
    }
}
