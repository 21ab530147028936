using Typed.Events;
using Typed.TestContracts;

namespace Typed.Client.Tests.Typed;

/// <summary>
/// A failed handler's exception text stays where it was thrown unless it was meant for the caller
/// (an <see cref="EventException"/>) or detailed errors are on: both ways, server and .NET client.
/// </summary>
public sealed class ErrorDisclosureTests
{
    private const string Secret = "Server=db;Password=hunter2 at /srv/app/data.db";

    [Fact]
    public async Task A_server_handlers_exception_reaches_the_client_as_a_generic_error_and_the_log_in_full()
    {
        await using var server = await TypedEventTests.ChatServerAsync();
        await using var ana = await TypedEventTests.ChatClientAsync(server, TransportNames.WebSocket, "ana");

        var error = await Assert.ThrowsAsync<RemoteEventException>(() => ana.Probe.Socket.Events<IChatServer>().Fail(Secret).Within());

        Assert.Equal("An error occurred while handling 'Fail'.", error.RemoteMessage);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.Contains(server.Logs.Entries, e => e.Exception?.Message == Secret);
    }

    [Fact]
    public async Task With_detailed_errors_the_server_sends_the_exceptions_message()
    {
        await using var server = await SocketServerHost.StartAsync(
            o =>
            {
                ClientTransportTests.AnyOrigin(o);
                o.DetailedErrors = true;
            },
            listener => listener.Handle<IChatServer, ChatHandler>());
        await using var ana = await TypedEventTests.ChatClientAsync(server, TransportNames.XhrPolling, "ana");

        var error = await Assert.ThrowsAsync<RemoteEventException>(() => ana.Probe.Socket.Events<IChatServer>().Fail(Secret).Within());

        Assert.Equal(Secret, error.RemoteMessage);
    }

    [Theory]
    [InlineData(false, false, "An error occurred while handling 'WhoAreYou'.")]
    [InlineData(true, false, "I will not say")]
    [InlineData(false, true, Secret)]
    public async Task A_client_handlers_exception_reaches_the_server_only_as_far_as_it_is_meant_to(bool meantForTheServer, bool detailed, string expected)
    {
        await using var server = await TypedEventTests.ChatServerAsync();
        var options = ClientProbe.Options(TransportNames.WebSocket);
        options.DetailedErrors = detailed;
        await using var client = new ClientProbe(server.BaseUri, options);
        client.Socket.Handle<IChatClient>(new FailingView(meantForTheServer ? new EventException("I will not say") : new InvalidOperationException(Secret)));
        await client.Socket.ConnectAsync().Within();
        var session = await server.Events.ConnectedAsync(client.Socket.SessionId!);

        var error = await Assert.ThrowsAsync<RemoteEventException>(() => session.Events<IChatClient>().WhoAreYou().Within());

        Assert.Equal(expected, error.RemoteMessage);
    }

    private sealed class FailingView(Exception failure) : IChatClient
    {
        public void Said(string user, string text)
        {
        }

        public void Joined(string user, int members)
        {
        }

        public Task<string> WhoAreYou() => Task.FromException<string>(failure);
    }
}
