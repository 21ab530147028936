using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Typed.Events;
using Typed.Events.Generated;

namespace Typed.Server.Identity;

/// <summary>
/// The authorization a handler's attributes ask of a contract's events, read once when the handler
/// is registered: <c>[Authorize]</c> on the handler type applies to every event, on a method to its
/// event, and <c>[AllowAnonymous]</c> anywhere opens the event, as it does in ASP.NET Core. Events
/// without attributes are not looked at again. The user judged is the one the session opened with
/// (<see cref="Client.User"/>): a policy's authentication schemes are not run again per event, as in SignalR.
/// </summary>
internal sealed class ContractAuthorization
{
    /// <summary>
    /// What reading a contract's events takes: its methods, and those of the interfaces it extends
    /// (whose events are its events too), which only <c>All</c> keeps when trimmed.
    /// </summary>
    public const DynamicallyAccessedMemberTypes ContractMembers = DynamicallyAccessedMemberTypes.All;

    /// <summary>What reading a handler's attributes takes: its methods, explicit implementations included, and its interface map.</summary>
    public const DynamicallyAccessedMemberTypes HandlerMembers =
        DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods | DynamicallyAccessedMemberTypes.Interfaces;

    private readonly FrozenDictionary<string, EventPolicy> _policies;
    private readonly Type _contract;

    private ContractAuthorization(Type contract, FrozenDictionary<string, EventPolicy> policies)
    {
        _contract = contract;
        _policies = policies;
    }

    /// <summary>
    /// What <typeparamref name="THandler"/>'s attributes ask of <typeparamref name="TContract"/>'s
    /// events; null when they ask nothing (the common case, which then costs nothing per event).
    /// </summary>
    /// <exception cref="InvalidOperationException">An attribute is used but authorization is not set up, or names a policy that does not exist.</exception>
    public static ContractAuthorization? For<
        [DynamicallyAccessedMembers(ContractMembers)] TContract,
        [DynamicallyAccessedMembers(HandlerMembers)] THandler>(IServiceProvider services)
        where TContract : class
        where THandler : class, TContract
    {
        var attributes = EventAttributes<TContract, THandler>();
        if (attributes.Count == 0)
        {
            return null;
        }

        if (services.GetService<IAuthorizationService>() is null || services.GetService<IAuthorizationPolicyProvider>() is null)
        {
            throw new InvalidOperationException(
                $"{typeof(THandler)} asks for authorization of {typeof(TContract)}'s events with [Authorize], but authorization is not set up: add services.AddAuthorization().");
        }

        var policies = attributes.ToFrozenDictionary(
            pair => pair.Key,
            pair => new EventPolicy(services, typeof(TContract), pair.Value),
            StringComparer.Ordinal);
        return new ContractAuthorization(typeof(TContract), policies);
    }

    /// <summary>
    /// Hands <paramref name="incoming"/> to <paramref name="dispatch"/> if the session's user may
    /// send it; otherwise the outcome is an <see cref="EventRefusedException"/>, which answers the
    /// asker with "not authorised" and drops an event that expects no answer.
    /// </summary>
    public ValueTask<EventOutcome> Dispatch(Client client, IncomingEvent incoming, Func<Client, IncomingEvent, ValueTask<EventOutcome>> dispatch) =>
        !_policies.TryGetValue(incoming.Name, out var policy) || policy.Allows(client, incoming)
            ? dispatch(client, incoming)
            : ValueTask.FromException<EventOutcome>(new EventRefusedException(_contract));

    /// <summary>The attributes that guard each event, by its name on the wire; events that anyone may send are left out.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "The interfaces a contract extends are kept whole: the contract is annotated All, which keeps its base interfaces' members.")]
    private static Dictionary<string, IReadOnlyList<IAuthorizeData>> EventAttributes<
        [DynamicallyAccessedMembers(ContractMembers)] TContract,
        [DynamicallyAccessedMembers(HandlerMembers)] THandler>()
        where TContract : class
        where THandler : class, TContract
    {
        var onType = typeof(THandler).GetCustomAttributes(inherit: true);
        var typeOpen = onType.OfType<IAllowAnonymous>().Any();
        var typeData = onType.OfType<IAuthorizeData>().ToList();
        var byEvent = new Dictionary<string, IReadOnlyList<IAuthorizeData>>(StringComparer.Ordinal);

        // The interface maps say which method implements each event, explicitly or not; a
        // contract's events include those of the interfaces it extends.
        foreach (var contract in typeof(TContract).GetInterfaces().Prepend(typeof(TContract)))
        {
            var map = typeof(THandler).GetInterfaceMap(contract);
            for (var i = 0; i < map.InterfaceMethods.Length; i++)
            {
                var (declared, implementation) = (map.InterfaceMethods[i], map.TargetMethods[i]);
                if (declared.IsStatic || !declared.IsAbstract || declared.IsSpecialName)
                {
                    continue; // not an event
                }

                var onMethod = implementation.GetCustomAttributes(inherit: true);
                var data = typeData.Concat(onMethod.OfType<IAuthorizeData>()).ToList();
                if (data.Count > 0 && !typeOpen && !onMethod.OfType<IAllowAnonymous>().Any())
                {
                    byEvent[declared.GetCustomAttribute<EventNameAttribute>()?.Name ?? declared.Name] = data;
                }
            }
        }

        return byEvent;
    }
}
