using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Typed.Analyzers.CodeFixes;

/// <summary>Adds <c>using Typed.Events;</c> when an attribute the fix writes would not bind without it.</summary>
internal static class UsingDirectives
{
    public const string EventsNamespace = "Typed.Events";

    /// <summary>True when <paramref name="attributeType"/> is visible by its short name at <paramref name="position"/>.</summary>
    public static bool InScope(SemanticModel model, int position, string attributeType) =>
        model.Compilation.GetTypeByMetadataName(EventsNamespace + "." + attributeType) is { } attribute
        && model.LookupNamespacesAndTypes(position, name: attributeType).Any(symbol => SymbolEqualityComparer.Default.Equals(symbol, attribute));

    public static SyntaxNode WithEventsNamespace(SyntaxNode root)
    {
        if (root is not CompilationUnitSyntax unit || unit.Usings.Any(u => u.Name?.ToString() == EventsNamespace))
        {
            return root;
        }

        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(EventsNamespace))
            .WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed);
        return unit.AddUsings(directive);
    }
}
