using System.Net;
using Microsoft.AspNetCore.Http;
using Typed.Server.Security;

namespace Typed.Server.Tests.Identity;

/// <summary>
/// <see cref="Listener.AddAdmissionCheck"/>: the application refuses new sessions for its own
/// reasons (a ban, a rate limit) before any handshake, on every transport.
/// </summary>
public sealed class AdmissionCheckTests
{
    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_banned_user_is_refused_with_the_apps_status_and_reason(string transport)
    {
        var checks = 0;
        await using var server = await AuthenticatedServer.StartAsync(setup: listener => listener.AddAdmissionCheck(context =>
        {
            Interlocked.Increment(ref checks);
            return ValueTask.FromResult(context.User.Identity?.Name == "mallory"
                ? Admission.Refuse(StatusCodes.Status403Forbidden, "banned")
                : Admission.Admit);
        }));
        var requests = new SessionRequests(server);

        var refused = await requests.OpenAsync(transport, Credentials.Bearer("mallory"));
        await using var wire = server.Wire(transport);
        Credentials.Bearer("ann").Apply(wire);
        await wire.OpenAsync();
        await wire.SendAsync(Message.FromText("in"));

        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Equal("in", (await wire.ReceiveAsync()).Text);
        Assert.Equal(1, server.Listener.SessionCount);
        await server.Logs.WaitForAsync("A new session was refused by the application with 403: banned.");
        // Only requests for new sessions are checked, not the polls and posts of open ones.
        Assert.Equal(2, Volatile.Read(ref checks));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task An_asynchronous_rate_limit_answers_429(string transport)
    {
        var admitted = 0;
        await using var server = await SocketServerHost.StartEchoAsync();
        server.Listener.AddAdmissionCheck(async context =>
        {
            await Task.Yield();
            return Interlocked.Increment(ref admitted) > 1 ? Admission.Refuse(StatusCodes.Status429TooManyRequests, "too many sessions") : Admission.Admit;
        });
        await using var first = server.Wire(transport);
        await first.OpenAsync();

        var second = await new SessionRequests(server).OpenAsync(transport);

        Assert.Equal(HttpStatusCode.TooManyRequests, second);
        Assert.Equal(1, server.Listener.SessionCount);
    }

    [Fact]
    public void A_refusal_needs_an_error_status_and_a_reason()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Admission.Refuse(StatusCodes.Status200OK, "fine"));
        Assert.Throws<ArgumentException>(() => Admission.Refuse(StatusCodes.Status403Forbidden, " "));
        Assert.True(Admission.Admit.IsAdmitted);
    }
}
