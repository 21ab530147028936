using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Typed.Generators.Parsing;

namespace Typed.Analyzers.Contracts;

/// <summary>The common start of every check on <c>[Events]</c> interfaces: find them, then look.</summary>
public abstract class ContractAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // A compilation that cannot see [Events] has no contracts: its types are not even looked at.
            if (TypedCompilation.KnownTypesOf(start.Compilation) is not { } known)
            {
                return;
            }

            start.RegisterSymbolAction(
                symbolContext =>
                {
                    if (EventContract.For(symbolContext.Symbol, known) is { } contract)
                    {
                        Analyze(symbolContext, contract);
                    }
                },
                SymbolKind.NamedType);
        });
    }

    internal abstract void Analyze(SymbolAnalysisContext context, EventContract contract);
}
