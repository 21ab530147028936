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
    public static IEnumerable<EventType> Of(IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (var parameter in method.Parameters)
        {
            if (!EventRules.IsCancellationToken(parameter.Type) && EventRules.IsPassedByValue(parameter))
            {
                yield return new EventType(parameter.Type, $"parameter '{parameter.Name}'", SyntaxLocations.ParameterType(parameter, cancellationToken));
            }
        }

        if (method.ReturnType.OriginalDefinition.ToDisplayString() is "System.Threading.Tasks.Task<TResult>" or "System.Threading.Tasks.ValueTask<TResult>"
            && EventRules.ResultTypeOf(method.ReturnType) is { } result)
        {
            yield return new EventType(result, "result", SyntaxLocations.ReturnType(method, cancellationToken));
        }
    }
}
