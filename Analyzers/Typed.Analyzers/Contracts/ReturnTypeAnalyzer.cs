using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Typed.Generators.Model;
using Typed.Generators.Parsing;

namespace Typed.Analyzers.Contracts;

/// <summary>TYPED001: an event returns void, Task, ValueTask, Task&lt;T&gt; or ValueTask&lt;T&gt;; nothing else can be sent.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReturnTypeAnalyzer : ContractAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptors.UnsupportedReturnType];

    internal override void Analyze(SymbolAnalysisContext context, EventContract contract)
    {
        foreach (var method in contract.CheckedEvents())
        {
            if (EventRules.ShapeOf(method.ReturnType, contract.Known) == ReturnShape.Unsupported)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.UnsupportedReturnType,
                    contract.Where(method, SyntaxLocations.ReturnType(method, context.CancellationToken)),
                    contract.NameOf(method),
                    method.ReturnType.ToDisplayString()));
            }
        }
    }
}
