using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Typed.Analyzers.Contracts;

/// <summary>The common start of every check on <c>[Events]</c> interfaces: find them, then look.</summary>
public abstract class ContractAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(
            symbolContext =>
            {
                if (EventContract.For(symbolContext.Symbol) is { } contract)
                {
                    Analyze(symbolContext, contract);
                }
            },
            SymbolKind.NamedType);
    }

    internal abstract void Analyze(SymbolAnalysisContext context, EventContract contract);
}
