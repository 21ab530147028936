using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Typed.Analyzers.Contracts;

/// <summary>What System.Text.Json writes of the application's own types: their public instance properties and fields.</summary>
internal static class DataMembers
{
    /// <summary>The application's types, not the platform's (whose members are not looked into).</summary>
    public static bool IsApplicationType(ITypeSymbol type) =>
        type.SpecialType == SpecialType.None
        && type.ContainingNamespace?.ToDisplayString().StartsWith("System", System.StringComparison.Ordinal) != true;

    /// <summary>The types of the public instance properties (not indexers) and fields, inherited ones too.</summary>
    public static IEnumerable<ITypeSymbol> TypesOf(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public)
                {
                    continue;
                }

                switch (member)
                {
                    case IPropertySymbol { IsIndexer: false } property:
                        yield return property.Type;
                        break;
                    case IFieldSymbol field:
                        yield return field.Type;
                        break;
                }
            }
        }
    }
}
