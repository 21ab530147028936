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
        && type.ContainingNamespace?.ToDisplayString().StartsWith("System", System.StringComparison.Ordinal) != true;

    /// <summary>The types of what System.Text.Json writes of the type (its <see cref="JsonMembers"/>).</summary>
    public static IEnumerable<ITypeSymbol> TypesOf(ITypeSymbol type) => JsonMembers.Of(type).Select(member => member.Type);
}
