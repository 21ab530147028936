using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Typed.Generators.Parsing;

namespace Typed.Analyzers.Contracts;

/// <summary>TYPED002: ref, out, in, params and pointer parameters have no meaning once an argument is on the wire.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ParameterKindAnalyzer : ContractAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptors.ParameterNotByValue];

    internal override void Analyze(SymbolAnalysisContext context, EventContract contract)
    {
        foreach (var method in contract.CheckedEvents())
        {
            foreach (var parameter in method.Parameters)
            {
                if (!EventRules.IsPassedByValue(parameter))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.ParameterNotByValue,
                        contract.Where(method, SyntaxLocations.Identifier(parameter)),
                        parameter.Name,
                        contract.NameOf(method),
                        KindOf(parameter)));
                }
            }
        }
    }

    private static string KindOf(IParameterSymbol parameter) => parameter switch
    {
        { RefKind: RefKind.Ref } => "passed by ref",
        { RefKind: RefKind.Out } => "an out parameter",
        { RefKind: RefKind.In } => "an in parameter",
        { RefKind: not RefKind.None } => "passed by reference",
        { IsParams: true } => "a params array (declare a plain array instead)",
        _ => "a pointer (send the values it points at)",
    };
}
