using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Typed.Generators.Parsing;

/// <summary>
/// What an event may be called on the wire, decided once: the generator emits nothing for a
/// contract with a name these rules refuse, and the analyzers (which link this file) say where.
/// Names compare ordinally, as the wire compares them.
/// </summary>
internal static class WireNames
{
    private const string Protocol = "the protocol uses for its own frames";
    private const string Browser = "the browser client fires for the socket itself";
    private const string Prototype = "every JavaScript object has, so the browser client would mistake it for a handler";

    /// <summary>The protocol's frame members, the browser client's SOCKET_EVENTS, and Object.prototype's members (its handler table is a plain object).</summary>
    private static readonly Dictionary<string, string> Reserved = new(System.StringComparer.Ordinal)
    {
        ["sessionid"] = Protocol,
        ["heartbeat"] = Protocol,
        ["messages"] = Protocol,
        ["connect"] = Browser,
        ["message"] = Browser,
        ["close"] = Browser,
        ["disconnect"] = Browser,
        ["reconnect"] = Browser,
        ["constructor"] = Prototype,
        ["__proto__"] = Prototype,
        ["hasOwnProperty"] = Prototype,
        ["isPrototypeOf"] = Prototype,
        ["propertyIsEnumerable"] = Prototype,
        ["toLocaleString"] = Prototype,
        ["toString"] = Prototype,
        ["valueOf"] = Prototype,
        ["__defineGetter__"] = Prototype,
        ["__defineSetter__"] = Prototype,
        ["__lookupGetter__"] = Prototype,
        ["__lookupSetter__"] = Prototype,
    };

    public static bool IsBlank(string name) => string.IsNullOrWhiteSpace(name);

    /// <summary>Who already gives <paramref name="name"/> a meaning; null when it is free.</summary>
    public static string? ReservedBy(string name) => Reserved.TryGetValue(name, out var why) ? why : null;

    /// <summary>A name an event can have: neither blank nor reserved.</summary>
    public static bool IsAllowed(string name) => !IsBlank(name) && ReservedBy(name) is null;

    /// <summary>
    /// Events that share a wire name, by that name. The dispatcher is a switch on it, so a contract
    /// with any is refused: one handler per name.
    /// </summary>
    public static IEnumerable<IGrouping<string, IMethodSymbol>> Duplicates(IEnumerable<IMethodSymbol> events, KnownTypes known) =>
        events.GroupBy(method => EventRules.WireNameOf(method, known), System.StringComparer.Ordinal).Where(group => group.Skip(1).Any());
}
