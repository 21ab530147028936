using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Typed.Generators.Parsing;

/// <summary>What System.Text.Json writes of the application's own types.</summary>
internal static class DataMembers
{
    /// <summary>The application's types, not the platform's (whose members are not looked into).</summary>
    public static bool IsApplicationType(ITypeSymbol type) =>
        type.SpecialType == SpecialType.None
        && OutermostNamespaceOf(type)?.StartsWith("System", System.StringComparison.Ordinal) != true;

    /// <summary>The first part of the type's namespace (what its full name starts with), without formatting the whole.</summary>
    private static string? OutermostNamespaceOf(ITypeSymbol type)
    {
        string? outermost = null;
        for (var current = type.ContainingNamespace; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            outermost = current.Name;
        }

        return outermost;
    }

    /// <summary>The types of what System.Text.Json writes of the type (its <see cref="JsonMembers"/>).</summary>
    public static IEnumerable<ITypeSymbol> TypesOf(ITypeSymbol type, KnownTypes known) => JsonMembers.Of(type, known).Select(member => member.Type);
}
