using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Typed.Generators.Parsing;

namespace Typed.Analyzers.Contracts;

/// <summary>A type an event sends: an argument's or the result's, with where it is written and how a message names it.</summary>
internal readonly struct EventType(ITypeSymbol type, string role, Location? location)
{
    public ITypeSymbol Type { get; } = type;

    /// <summary>"parameter 'text'", or "result".</summary>
    public string Role { get; } = role;

    public Location? Location { get; } = location;

    /// <summary>
    /// The arguments (but no CancellationToken, nor the pointers and by-reference parameters reported
    /// on their own) and the answer's type, if the event has one.
    /// </summary>
    public static IEnumerable<EventType> Of(IMethodSymbol method, KnownTypes known, CancellationToken cancellationToken)
    {
        foreach (var (parameter, type) in EventRules.CarriedTypes(method, known))
        {
            if (parameter is null)
            {
                yield return new EventType(type, "result", SyntaxLocations.ReturnType(method, cancellationToken));
            }
            else if (EventRules.IsPassedByValue(parameter))
            {
                yield return new EventType(type, $"parameter '{parameter.Name}'", SyntaxLocations.ParameterType(parameter, cancellationToken));
            }
        }
    }
}
