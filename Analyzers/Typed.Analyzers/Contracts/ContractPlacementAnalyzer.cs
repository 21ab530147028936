using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Typed.Analyzers.Contracts;

/// <summary>
/// TYPED006: the generated sender is a top-level class in another file, beside the contract, so the
/// contract is a top-level interface it can see: not nested in a type, not file-local.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContractPlacementAnalyzer : ContractAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptors.ContractPlacement];

    internal override void Analyze(SymbolAnalysisContext context, EventContract contract)
    {
        var problem = contract.Symbol switch
        {
            { ContainingType: { } outer } => $"nested in '{outer.ToDisplayString()}'",
            { IsFileLocal: true } => "file-local",
            _ => null,
        };
        if (problem is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ContractPlacement, contract.Location, contract.Symbol.Name, problem));
        }
    }
}
