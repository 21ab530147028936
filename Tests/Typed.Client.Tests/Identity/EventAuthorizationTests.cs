using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Typed.Events;
using Typed.Testing.Identity;
using Typed.TestContracts;

namespace Typed.Client.Tests.Identity;

/// <summary>
/// [Authorize] and [AllowAnonymous] on a server handler, judged per event against the session's
/// user: the endpoint itself admits anyone, so anonymous sessions exist and are refused event by
/// event, over real sockets with the .NET client.
/// </summary>
public sealed class EventAuthorizationTests
{
    public static TheoryData<string> Transports() => [TransportNames.WebSocket, TransportNames.XhrPolling];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task The_types_authorize_refuses_an_anonymous_session_with_not_authorised_and_logs_it(string transport)
    {
        var log = new VaultLog();
        await using var server = await VaultServerAsync<VaultHandler>(log);
        await using var anonymous = await ConnectAsync(server, transport);
        var vault = anonymous.Socket.Events<IVault>();

        var refused = await Assert.ThrowsAsync<RemoteEventException>(() => vault.Peek().Within());
        var inherited = await Assert.ThrowsAsync<RemoteEventException>(() => vault.Ring().Within());

        Assert.Equal("not authorised", refused.RemoteMessage);
        Assert.Equal("not authorised", inherited.RemoteMessage);
        await server.Logs.WaitForAsync($"Refused IVault.Peek from session {anonymous.Socket.SessionId}");
        await server.Logs.WaitForAsync($"Refused IVault.Ring from session {anonymous.Socket.SessionId}");
        Assert.Equal("visited", await vault.Visit().Within());
        Assert.Equal("visited", await log.NextAsync()); // the refused events never reached the handler
    }

    [Fact]
    public async Task A_signed_in_user_passes_the_types_authorize()
    {
        await using var server = await VaultServerAsync<VaultHandler>(new VaultLog());
        await using var ana = await ConnectAsync(server, TransportNames.WebSocket, "ana");
        var vault = ana.Socket.Events<IVault>();

        Assert.Equal("peeked", await vault.Peek().Within());
        Assert.Equal("rang", await vault.Ring().Within());
    }

    [Fact]
    public async Task A_role_restricted_event_refuses_a_user_without_the_role_and_admits_one_with_it()
    {
        await using var server = await VaultServerAsync<VaultHandler>(new VaultLog());
        await using var ana = await ConnectAsync(server, TransportNames.WebSocket, "ana", "visitor");
        await using var bob = await ConnectAsync(server, TransportNames.XhrPolling, "bob", "keeper");

        Assert.Equal("not authorised", (await Assert.ThrowsAsync<RemoteEventException>(() => ana.Socket.Events<IVault>().Open().Within())).RemoteMessage);
        Assert.Equal("not authorised", (await Assert.ThrowsAsync<RemoteEventException>(() => ana.Socket.Events<IVault>().LockUp().Within())).RemoteMessage);
        Assert.Equal("opened", await bob.Socket.Events<IVault>().Open().Within());
        Assert.Equal("locked up", await bob.Socket.Events<IVault>().LockUp().Within());
        await server.Logs.WaitForAsync($"Refused IVault.lock-up from session {ana.Socket.SessionId} (user ana)");
    }

    [Fact]
    public async Task A_named_policy_is_honoured_with_the_event_as_its_resource()
    {
        await using var server = await VaultServerAsync<VaultHandler>(new VaultLog());
        await using var ana = await ConnectAsync(server, TransportNames.WebSocket, "ana");
        var vault = ana.Socket.Events<IVault>();

        Assert.Equal("entered ana-den", await vault.Enter("ana-den").Within());
        Assert.Equal("not authorised", (await Assert.ThrowsAsync<RemoteEventException>(() => vault.Enter("bob-den").Within())).RemoteMessage);
    }

    [Fact]
    public async Task AllowAnonymous_on_a_method_overrides_the_types_authorize()
    {
        var log = new VaultLog();
        await using var server = await VaultServerAsync<VaultHandler>(log);
        await using var anonymous = await ConnectAsync(server, TransportNames.WebSocket);

        anonymous.Socket.Events<IVault>().Knock(1);

        Assert.Equal("knock 1", await log.NextAsync());
        Assert.Equal("visited", await anonymous.Socket.Events<IVault>().Visit().Within());
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_refused_event_without_an_answer_is_dropped_and_the_events_after_it_arrive_in_order(string transport)
    {
        var log = new VaultLog();
        await using var server = await VaultServerAsync<VaultHandler>(log);
        await using var anonymous = await ConnectAsync(server, transport);
        var vault = anonymous.Socket.Events<IVault>();

        vault.Knock(1);
        vault.Deposit(2);
        vault.Knock(3);
        Assert.Equal("visited", await vault.Visit().Within());

        Assert.Equal(["knock 1", "knock 3", "visited"], await log.NextAsync(3));
        await server.Logs.WaitForAsync($"Refused IVault.Deposit from session {anonymous.Socket.SessionId}");
    }

    [Fact]
    public async Task An_authorization_that_takes_time_holds_the_sessions_later_events_behind_its_own()
    {
        var log = new VaultLog();
        await using var server = await VaultServerAsync<SlowDepositsHandler>(log);
        await using var ana = await ConnectAsync(server, TransportNames.WebSocket, "ana");
        var vault = ana.Socket.Events<IVault>();

        vault.Deposit(1);
        vault.Knock(2);
        vault.Deposit(3);
        vault.Knock(4);

        Assert.Equal(["deposit 1", "knock 2", "deposit 3", "knock 4"], await log.NextAsync(4));
    }

    [Fact]
    public async Task Authorize_without_authorization_services_is_refused_at_registration()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SocketServerHost.StartAsync(
            ClientTransportTests.AnyOrigin,
            listener => listener.Handle<IVault, VaultHandler>(),
            services: builder => builder.Services.AddSingleton(new VaultLog())));

        Assert.Contains("AddAuthorization()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_policy_the_application_does_not_have_is_refused_at_registration()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SocketServerHost.StartAsync(
            ClientTransportTests.AnyOrigin,
            listener => listener.Handle<IVault, MisconfiguredHandler>(),
            services: VaultServices(new VaultLog())));

        Assert.Contains("no such policy", error.Message, StringComparison.Ordinal);
    }

    private static Task<SocketServerHost> VaultServerAsync<THandler>(VaultLog log)
        where THandler : class, IVault =>
        SocketServerHost.StartAsync(ClientTransportTests.AnyOrigin, listener => listener.Handle<IVault, THandler>(), services: VaultServices(log));

    /// <summary>The vault's log, cookie and JWT authentication, and the policies the handlers name.</summary>
    private static Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder> VaultServices(VaultLog log) => builder =>
    {
        builder.Services.AddSingleton(log);
        builder.Services.AddSingleton<IAuthorizationHandler, OwnRooms>();
        builder.Services.AddSingleton<IAuthorizationHandler, SlowCheck>();
        builder.AddTestAuthentication(policies => policies
            .AddPolicy(OwnRooms.Policy, policy => policy.AddRequirements(new OwnRooms()))
            .AddPolicy(SlowCheck.Policy, policy => policy.AddRequirements(new SlowCheck())));
    };

    /// <summary>A client on <paramref name="transport"/>, anonymous or with a bearer token for <paramref name="user"/> in the given roles.</summary>
    private static Task<ClientProbe> ConnectAsync(SocketServerHost server, string transport, string? user = null, params string[] roles)
    {
        var options = ClientProbe.Options(transport);
        if (user is not null)
        {
            options.Headers["Authorization"] = "Bearer " + TestAuthentication.Token(user, null, roles);
        }

        return ClientProbe.ConnectAsync(server, options);
    }
}
