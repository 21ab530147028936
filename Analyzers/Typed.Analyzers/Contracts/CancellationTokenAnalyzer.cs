using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Typed.Generators.Parsing;

namespace Typed.Analyzers.Contracts;

/// <summary>
/// TYPED012: the sender passes on only a trailing CancellationToken; one anywhere else would be an
/// argument to encode, which no codec can.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CancellationTokenAnalyzer : ContractAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptors.CancellationTokenNotLast];

    internal override void Analyze(SymbolAnalysisContext context, EventContract contract)
    {
        foreach (var method in contract.CheckedEvents())
        {
            foreach (var parameter in EventRules.MisplacedCancellationTokens(method, contract.Known))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.CancellationTokenNotLast,
                    contract.Where(method, SyntaxLocations.ParameterType(parameter, context.CancellationToken)),
                    parameter.Name,
                    contract.NameOf(method)));
            }
        }
    }
}
