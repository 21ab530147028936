using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Typed.Generators.Parsing;

namespace Typed.Analyzers.Contracts;

/// <summary>An interface marked <c>[Events]</c>, with what every contract check needs to know about it.</summary>
internal sealed class EventContract
{
    private EventContract(INamedTypeSymbol symbol, AttributeData attribute, KnownTypes known)
    {
        Symbol = symbol;
        Attribute = attribute;
        Known = known;
        JsonContext = EventRules.JsonContextOf(attribute);
    }

    public INamedTypeSymbol Symbol { get; }

    /// <summary>The compilation's known types, which the shared rules compare with.</summary>
    public KnownTypes Known { get; }

    public AttributeData Attribute { get; }

    public ITypeSymbol? JsonContext { get; }

    public static EventContract? For(ISymbol symbol, KnownTypes known) =>
        symbol is INamedTypeSymbol { TypeKind: TypeKind.Interface } type && EventsAttributeOf(type, known) is { } attribute
            ? new EventContract(type, attribute, known)
            : null;

    public static AttributeData? EventsAttributeOf(INamedTypeSymbol type, KnownTypes known) =>
        KnownTypes.AttributeOf(type.GetAttributes(), known.EventsAttribute);

    /// <summary>
    /// The members to check on this contract: its own, and those it inherits from interfaces that are
    /// not contracts themselves (a base contract's members are checked, and reported, on the base).
    /// </summary>
    public IEnumerable<ISymbol> CheckedMembers() => EventRules.MembersOf(Symbol)
        .Where(EventRules.IsEventMember)
        .Where(member => Owns(member) || EventsAttributeOf(member.ContainingType, Known) is null);

    /// <summary>The event methods to check: ordinary, non-generic (generic ones are reported as such).</summary>
    public IEnumerable<IMethodSymbol> CheckedEvents() => CheckedMembers()
        .Where(EventRules.IsEventMethod)
        .OfType<IMethodSymbol>();

    /// <summary>Every event of the contract, its own and inherited ones, as the generator sees them.</summary>
    public IEnumerable<IMethodSymbol> AllEvents() => EventRules.MembersOf(Symbol)
        .Where(member => EventRules.IsEventMember(member) && EventRules.IsEventMethod(member))
        .OfType<IMethodSymbol>();

    public bool HasJsonContext => JsonContext is not null;

    public bool Owns(ISymbol member) => SymbolEqualityComparer.Default.Equals(member.ContainingType, Symbol);

    /// <summary>A member as a message names it: inherited ones with their interface.</summary>
    public string NameOf(ISymbol member) => Owns(member) ? member.Name : member.ContainingType.Name + "." + member.Name;

    /// <summary>The contract's name, where problems with inherited members are reported.</summary>
    public Location Location => Symbol.Locations.FirstOrDefault() ?? Location.None;

    /// <summary>
    /// Where to report a problem with <paramref name="member"/>: at <paramref name="own"/> for the
    /// contract's own members, at the contract's name for inherited ones (the base may be anywhere).
    /// </summary>
    public Location Where(ISymbol member, Location? own) => Owns(member) ? own ?? Location : Location;
}
