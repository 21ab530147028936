using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Typed.Generators.Parsing;

namespace Typed.Analyzers.Contracts;

/// <summary>
/// TYPED003 and TYPED004: a receiver cannot learn type arguments from the wire, so neither an event
/// method nor the contract itself may be generic.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GenericAnalyzer : ContractAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptors.GenericEvent, Descriptors.GenericContract];

    internal override void Analyze(SymbolAnalysisContext context, EventContract contract)
    {
        if (contract.Symbol.TypeParameters.Length > 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.GenericContract, contract.Location, contract.Symbol.Name));
        }

        foreach (var method in contract.CheckedMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary && !EventRules.IsEventMethod(m)))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.GenericEvent,
                contract.Where(method, SyntaxLocations.Identifier(method)),
                contract.NameOf(method)));
        }
    }
}
