using System.Collections.Concurrent;

namespace Typed.Server.Tests;

/// <summary>
/// Messages wait for a blocked handler in the session, not in the server's memory without end:
/// once a payload's worth waits to be handed over, the client's next upload is not answered.
/// </summary>
public sealed class BlockedHandlerBacklogTests
{
    private static readonly TimeSpan GenerousWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_client_cannot_queue_more_than_a_payload_ahead_of_a_blocked_handler()
    {
        var blocked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();
        var handled = new ConcurrentQueue<string>();
        var lastHandled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await SocketServerHost.StartAsync(
            options => options.MaxMessageSize = 1024,
            listener => listener.ClientMessage += (client, message) =>
            {
                handled.Enqueue(message.Text!);
                switch (message.Text)
                {
                    case "block":
                        blocked.SetResult();
                        release.Wait(GenerousWait);
                        break;
                    case "last":
                        lastHandled.SetResult();
                        break;
                }
            });
        using var wire = server.Polling();
        await wire.OpenAsync();
        await wire.SendAsync("block");
        await blocked.Task.Within();

        // Each upload is answered while less than 1,024 bytes wait: three of 402 bytes are.
        string[] fillers = [.. Enumerable.Range(0, 3).Select(i => $"{i}{new string('x', 399)}")];
        foreach (var filler in fillers)
        {
            await wire.SendAsync(filler);
        }

        var held = wire.SendAsync("last");
        await server.Logs.WaitForAsync($"Session {wire.SessionId}: 1206 bytes of messages wait for its handlers");
        Assert.False(held.IsCompleted, "the upload past the backlog waits for the handlers");

        release.Set();
        await held.Within();
        await lastHandled.Task.Within();
        Assert.Equal(["block", .. fillers, "last"], handled);
    }
}
