using System.Threading.Channels;
using Microsoft.AspNetCore.Authorization;
using Typed.Server.Identity;
using Typed.TestContracts;

namespace Typed.Client.Tests.Identity;

/// <summary>What the vault's handlers were given, in the order they were given it.</summary>
public sealed class VaultLog
{
    private readonly Channel<string> _handled = Channel.CreateUnbounded<string>();

    public void Add(string what) => _handled.Writer.TryWrite(what);

    public async Task<string> NextAsync() => await _handled.Reader.ReadAsync().AsTask().Within();

    public async Task<List<string>> NextAsync(int count)
    {
        var handled = new List<string>(count);
        while (handled.Count < count)
        {
            handled.Add(await NextAsync());
        }

        return handled;
    }
}

/// <summary>
/// Every kind of guard on one contract: signed-in users for every event by default, the keeper's
/// role for two (one of them implemented explicitly and renamed on the wire), a named policy that
/// looks at the event's arguments, and two events open to anyone.
/// </summary>
[Authorize]
internal sealed class VaultHandler(VaultLog log) : IVault
{
    public Task<string> Ring() => Handled("rang");

    public Task<string> Peek() => Handled("peeked");

    [Authorize(Roles = "keeper")]
    public Task<string> Open() => Handled("opened");

    [Authorize(Roles = "keeper")]
    Task<string> IVault.LockUp() => Handled("locked up");

    [Authorize(Policy = OwnRooms.Policy)]
    public Task<string> Enter(string room) => Handled($"entered {room}");

    [AllowAnonymous]
    public Task<string> Visit() => Handled("visited");

    public void Deposit(int amount) => log.Add($"deposit {amount}");

    [AllowAnonymous]
    public void Knock(int count) => log.Add($"knock {count}");

    private Task<string> Handled(string what)
    {
        log.Add(what);
        return Task.FromResult(what);
    }
}

/// <summary>A user may enter only the rooms named after them ("ana-den" for ana): a requirement that reads the event's arguments.</summary>
internal sealed class OwnRooms : AuthorizationHandler<OwnRooms, EventAuthorizationContext>, IAuthorizationRequirement
{
    public const string Policy = "own rooms";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OwnRooms requirement, EventAuthorizationContext resource)
    {
        if (resource is { EventName: nameof(IVault.Enter), Client.UserId: { } user } && resource.Arguments[0].GetString() is { } room && room.StartsWith(user + "-", StringComparison.Ordinal))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Deposits pass a check that takes time, as one that asks a database would; knocks pass none.</summary>
internal class SlowDepositsHandler(VaultLog log) : IVault
{
    public Task<string> Ring() => Task.FromResult("rang");

    public Task<string> Peek() => Task.FromResult("peeked");

    public Task<string> Open() => Task.FromResult("opened");

    public Task<string> LockUp() => Task.FromResult("locked up");

    public Task<string> Enter(string room) => Task.FromResult(room);

    public Task<string> Visit() => Task.FromResult("visited");

    [Authorize(Policy = SlowCheck.Policy)]
    public void Deposit(int amount) => log.Add($"deposit {amount}");

    public void Knock(int count) => log.Add($"knock {count}");
}

/// <summary>Succeeds, after a while.</summary>
internal sealed class SlowCheck : AuthorizationHandler<SlowCheck>, IAuthorizationRequirement
{
    public const string Policy = "slow";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, SlowCheck requirement)
    {
        await Task.Delay(100);
        context.Succeed(requirement);
    }
}

/// <summary>Guards its events with a policy the application never defined.</summary>
[Authorize(Policy = "no such policy")]
internal sealed class MisconfiguredHandler(VaultLog log) : SlowDepositsHandler(log);
