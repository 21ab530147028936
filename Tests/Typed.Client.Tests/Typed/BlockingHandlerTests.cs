using System.Collections.Concurrent;
using Typed.TestContracts;

namespace Typed.Client.Tests.Typed;

/// <summary>
/// Application code runs outside the session's locks: a handler that blocks its thread, even until
/// its own client answers it, holds up only the messages after its own, on every transport.
/// </summary>
public sealed class BlockingHandlerTests
{
    private static readonly TimeSpan GenerousWait = TimeSpan.FromSeconds(20);

    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_handler_that_blocks_until_its_client_answers_gets_the_answer(string transport)
    {
        await using var server = await SocketServerHost.StartAsync(ClientTransportTests.AnyOrigin, listener =>
            listener.ClientMessage += (client, message) =>
            {
                // Blocks this thread, as a call into a synchronous API would, until the client answers.
                var asking = client.Events<IChatClient>().WhoAreYou();
                client.Send(asking.Wait(GenerousWait) ? $"{message.Text}, {asking.Result}" : "no answer came");
            });
        await using var ana = await TypedEventTests.ChatClientAsync(server, transport, "ana");

        await ana.Probe.Socket.SendAsync("hello");

        Assert.Equal("hello, ana", (await ana.Probe.ReceiveAsync()).Text);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_blocked_handler_holds_up_only_the_messages_after_its_own(string transport)
    {
        var blocked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();
        var handled = new ConcurrentQueue<string>();
        var handledAfter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await SocketServerHost.StartAsync(ClientTransportTests.AnyOrigin, listener =>
            listener.ClientMessage += (client, message) =>
            {
                handled.Enqueue(message.Text!);
                if (message.Text == "block")
                {
                    blocked.SetResult();
                    release.Wait(GenerousWait);
                }
                else
                {
                    handledAfter.SetResult();
                }
            });
        await using var ana = await TypedEventTests.ChatClientAsync(server, transport, "ana");
        var session = server.Listener.ClientsIndex[ana.Probe.Socket.SessionId!];

        await ana.Probe.Socket.SendAsync("block");
        await blocked.Task.Within();
        await ana.Probe.Socket.SendAsync("after");

        // While the handler blocks, the session goes on both ways.
        session.Send("meanwhile");
        Assert.Equal("meanwhile", (await ana.Probe.ReceiveAsync()).Text);
        Assert.Equal("ana", await session.Events<IChatClient>().WhoAreYou().Within());
        Assert.False(handledAfter.Task.IsCompleted, "a message is handed over only after the one before it");

        release.Set();
        await handledAfter.Task.Within();
        Assert.Equal(["block", "after"], handled);
    }
}
