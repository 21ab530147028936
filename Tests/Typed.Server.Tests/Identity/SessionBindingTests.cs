using System.Net;
using Typed.Testing.Identity;

namespace Typed.Server.Tests.Identity;

/// <summary>
/// A session belongs to the user who opened it: whoever else holds its id (another user, or
/// nobody) is refused with 403 on every request, and the owner's session goes on as if nothing
/// happened.
/// </summary>
public sealed class SessionBindingTests
{
    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Another_user_holding_the_session_id_is_refused_and_the_owner_unaffected(string transport)
    {
        await using var server = await AuthenticatedServer.StartAsync();
        await using var owner = server.Wire(transport);
        Credentials.Bearer("ann").Apply(owner);
        await owner.OpenAsync();
        var client = await server.Events.ConnectedAsync(owner.SessionId);
        var thief = new SessionRequests(server);
        var mallory = Credentials.Bearer("mallory");

        var attach = await thief.AttachAsync(transport, owner.SessionId, mallory);
        var send = await thief.SendAsync(transport, owner.SessionId, "as ann", mallory);
        var cookie = await thief.AttachAsync(transport, owner.SessionId, await Credentials.CookieAsync(server, "mallory"));
        var probe = await thief.ProbeAsync(transport, owner.SessionId, mallory);
        var ownersProbe = await thief.ProbeAsync(transport, owner.SessionId, Credentials.Bearer("ann"));

        Assert.Equal(HttpStatusCode.Forbidden, attach);
        Assert.Equal(HttpStatusCode.Forbidden, send);
        Assert.Equal(HttpStatusCode.Forbidden, cookie);
        Assert.Equal(HttpStatusCode.Forbidden, probe);
        Assert.Equal(HttpStatusCode.OK, ownersProbe);
        await server.Logs.WaitForAsync($"Session {owner.SessionId}: a GET");
        await owner.SendAsync(Message.FromText("still mine"));
        Assert.Equal("still mine", (await owner.ReceiveAsync()).Text);
        Assert.Null(client.DisconnectReason);
        Assert.Equal(0, server.Events.DisconnectCount(owner.SessionId));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Nobody_holding_an_authenticated_session_id_is_refused(string transport)
    {
        // The endpoint lets anonymous sessions open, so that only the binding stands in the way.
        await using var server = await AuthenticatedServer.StartAsync(endpoint: _ => { });
        await using var owner = server.Wire(transport);
        Credentials.Bearer("ann").Apply(owner);
        await owner.OpenAsync();
        await server.Events.ConnectedAsync(owner.SessionId);
        var anonymous = new SessionRequests(server);

        Assert.Equal(HttpStatusCode.Forbidden, await anonymous.AttachAsync(transport, owner.SessionId));
        Assert.Equal(HttpStatusCode.Forbidden, await anonymous.SendAsync(transport, owner.SessionId, "as ann"));
        await owner.SendAsync(Message.FromText("still mine"));
        Assert.Equal("still mine", (await owner.ReceiveAsync()).Text);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task The_same_user_reattaches_with_a_new_token_and_keeps_the_session(string transport)
    {
        await using var server = await AuthenticatedServer.StartAsync();
        await using var wire = server.Wire(transport);
        Credentials.Bearer("ann").Apply(wire);
        await wire.OpenAsync();
        var client = await server.Events.ConnectedAsync(wire.SessionId);
        await wire.DropAsync();
        await Wait.UntilAsync(() => !client.Connected || transport == TransportNames.XhrPolling, "the downstream is gone");
        client.Send("queued");

        Credentials.Bearer("ann").Apply(wire);
        await wire.ReattachAsync();

        Assert.Equal("queued", (await wire.ReceiveAsync()).Text);
        Assert.Equal(0, server.Events.DisconnectCount(wire.SessionId));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task An_anonymous_session_is_bound_to_nobody_as_in_2010(string transport)
    {
        await using var server = await AuthenticatedServer.StartAsync(endpoint: _ => { });
        await using var owner = server.Wire(transport);
        await owner.OpenAsync();
        await server.Events.ConnectedAsync(owner.SessionId);

        Assert.Equal(HttpStatusCode.OK, await new SessionRequests(server).SendAsync(transport, owner.SessionId, "from anyone", Credentials.Bearer("ann")));
        Assert.Equal("from anyone", (await owner.ReceiveAsync()).Text);
    }
}
