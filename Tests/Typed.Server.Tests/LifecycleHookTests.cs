using System.Collections.Concurrent;

namespace Typed.Server.Tests;

/// <summary>
/// Awaitable lifecycle hooks: a client's messages wait for its connected hooks, a failing hook
/// ends only its session, disconnected hooks run once and stopping waits for them.
/// </summary>
public sealed class LifecycleHookTests
{
    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Messages_are_handed_over_only_after_the_connected_hooks_have_completed(string transport)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var order = new ConcurrentQueue<string>();
        await using var server = await SocketServerHost.StartAsync(setup: listener =>
        {
            listener.OnConnected(async client =>
            {
                await loaded.Task;
                order.Enqueue("hook done");
            });
            listener.ClientMessage += (client, message) =>
            {
                order.Enqueue(message.Text!);
                client.Send(message);
            };
        });
        await using var wire = server.Wire(transport);
        await wire.OpenAsync();

        var sending = wire.SendAsync("first");
        loaded.SetResult();
        await sending;

        Assert.Equal("first", (await wire.ReceiveAsync()).Text);
        Assert.Equal(["hook done", "first"], order);
    }

    [Fact]
    public async Task A_connected_hook_that_throws_ends_only_its_session()
    {
        var calls = 0;
        await using var server = await SocketServerHost.StartAsync(setup: listener => Echo(listener)
            .OnConnected(_ => Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("no state for you") : ValueTask.CompletedTask));
        var failed = await server.WebSocketAsync();
        await failed.HandshakeAsync();
        var session = await server.Events.DisconnectedAsync(failed.SessionId);
        await using var fine = await server.WebSocketAsync();
        await fine.HandshakeAsync();

        await fine.SendAsync("still served");

        Assert.Equal(DisconnectReason.ServerDisconnect, session.DisconnectReason);
        Assert.Contains(server.Logs.Entries, e => e.Exception?.Message == "no state for you");
        Assert.Equal("still served", (await fine.ReceiveAsync()).Text);
        await failed.DisposeAsync();
    }

    [Fact]
    public async Task Disconnected_hooks_run_once_per_session_and_stopping_waits_for_them()
    {
        var saved = new ConcurrentQueue<string>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = await SocketServerHost.StartAsync(setup: listener => Echo(listener)
            .OnDisconnected(async client =>
            {
                await release.Task;
                saved.Enqueue(client.SessionId);
            }));
        var socket = await server.WebSocketAsync();
        await socket.HandshakeAsync();
        await server.Events.ConnectedAsync(socket.SessionId);

        var stopping = server.DisposeAsync().AsTask();
        await server.Events.DisconnectedAsync(socket.SessionId);
        Assert.False(stopping.IsCompleted, "stopping waits for the hook");
        release.SetResult();
        await stopping.Within();

        Assert.Equal([socket.SessionId], saved);
        await socket.DisposeAsync();
    }

    private static Listener Echo(Listener listener)
    {
        listener.ClientMessage += (client, message) => client.Send(message);
        return listener;
    }
}
