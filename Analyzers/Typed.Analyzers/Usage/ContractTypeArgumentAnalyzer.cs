using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Typed.Analyzers.Contracts;
using Typed.Generators.Parsing;

namespace Typed.Analyzers.Usage;

/// <summary>
/// TYPED013 and TYPED014: <c>Handle</c>, <c>Events</c> and <c>Broadcast</c> need an interface with
/// generated code, which only <c>[Events]</c> gives; anything else fails when first used.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContractTypeArgumentAnalyzer : InvocationAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptors.NotAContract, Descriptors.NotAnInterface];

    internal override void Analyze(OperationAnalysisContext context, KnownTypes known)
    {
        if (TypedCall.From(context.Operation, known) is not { } call || call.Contract is ITypeParameterSymbol or IErrorTypeSymbol)
        {
            return;
        }

        if (call.Contract.TypeKind != TypeKind.Interface)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NotAnInterface, call.TypeArgumentLocation, call.Contract.ToDisplayString(), call.MethodName));
        }
        else if (call.Contract is INamedTypeSymbol contract && EventContract.EventsAttributeOf(contract, known) is null)
        {
            // The interface's declaration, when in source, is where the code fix adds [Events].
            var declaration = contract.Locations.Where(l => l.IsInSource).Take(1);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NotAContract, call.TypeArgumentLocation, declaration, contract.ToDisplayString()));
        }
    }
}
