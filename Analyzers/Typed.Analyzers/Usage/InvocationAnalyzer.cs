using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Typed.Generators.Parsing;

namespace Typed.Analyzers.Usage;

/// <summary>The common start of the checks on calls: every invocation, outside generated code, in compilations that reference Typed.</summary>
public abstract class InvocationAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (TypedCompilation.KnownTypesOf(start.Compilation) is { } known)
            {
                start.RegisterOperationAction(operationContext => Analyze(operationContext, known), OperationKind.Invocation);
            }
        });
    }

    internal abstract void Analyze(OperationAnalysisContext context, KnownTypes known);
}
