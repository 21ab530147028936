using Microsoft.CodeAnalysis;
using Typed.Generators.Parsing;

namespace Typed.Analyzers;

/// <summary>Where every analyzer starts on a compilation: only one that references Typed is worth looking at.</summary>
internal static class TypedCompilation
{
    /// <summary>The compilation's known types, or null when it does not reference Typed (it has no <c>[Events]</c>).</summary>
    public static KnownTypes? KnownTypesOf(Compilation compilation)
    {
        var known = KnownTypes.For(compilation);
        return known.EventsAttribute is null ? null : known;
    }
}
