using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Typed.Analyzers;

/// <summary>The precise spans diagnostics point at: a parameter's type, a method's return type.</summary>
internal static class SyntaxLocations
{
    public static Location? ReturnType(IMethodSymbol method, CancellationToken cancellationToken) =>
        Declaration<MethodDeclarationSyntax>(method, cancellationToken)?.ReturnType.GetLocation();

    public static Location? ParameterType(IParameterSymbol parameter, CancellationToken cancellationToken) =>
        Declaration<ParameterSyntax>(parameter, cancellationToken)?.Type?.GetLocation() ?? parameter.Locations.FirstOrDefault();

    public static Location? Identifier(ISymbol symbol) => symbol.Locations.FirstOrDefault();

    private static T? Declaration<T>(ISymbol symbol, CancellationToken cancellationToken)
        where T : SyntaxNode =>
        symbol.DeclaringSyntaxReferences.Select(reference => reference.GetSyntax(cancellationToken)).OfType<T>().FirstOrDefault();
}
