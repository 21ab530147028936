using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Typed.Events.Generated;

namespace Typed.Server.Identity;

/// <summary>
/// One event's authorization: the policy its handler's attributes combine into, combined once, and
/// its evaluation against the session's user for each event that arrives.
/// </summary>
internal sealed class EventPolicy
{
    private readonly IServiceProvider _services;
    private readonly Type _contract;
    private readonly Task<AuthorizationPolicy?> _policy;

    /// <exception cref="InvalidOperationException">The attributes name a policy the application does not have (a provider that answers at once says so now).</exception>
    public EventPolicy(IServiceProvider services, Type contract, IReadOnlyList<IAuthorizeData> attributes)
    {
        _services = services;
        _contract = contract;

        // Started now, so that a policy that does not exist is reported at registration by the
        // default provider (which answers at once), and kept: every event awaits the same task.
        _policy = AuthorizationPolicy.CombineAsync(services.GetRequiredService<IAuthorizationPolicyProvider>(), attributes);
        if (_policy.IsFaulted)
        {
            _policy.GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// Whether the session's user may send <paramref name="incoming"/>. Decided before the next
    /// message is handed over, so that none overtakes this one: a decision that is not made at once
    /// (a requirement handler that awaits) holds the session's later messages, as a handler that
    /// blocks does, and no other session's.
    /// </summary>
    public bool Allows(Client client, IncomingEvent incoming)
    {
        var decision = DecideAsync(client, incoming);
        return decision.IsCompletedSuccessfully ? decision.Result : decision.AsTask().GetAwaiter().GetResult();
    }

    private async ValueTask<bool> DecideAsync(Client client, IncomingEvent incoming)
    {
        if (await _policy.ConfigureAwait(false) is not { } policy)
        {
            return true;
        }

        // A scope of its own: requirement handlers may be scoped services, as in a request.
        var scope = _services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var authorization = scope.ServiceProvider.GetRequiredService<IAuthorizationService>();
            var resource = new EventAuthorizationContext(client, _contract, incoming.Name, incoming.Args);
            var result = await authorization.AuthorizeAsync(client.User, resource, policy).ConfigureAwait(false);
            return result.Succeeded;
        }
    }
}
