using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Typed.Generators.Model;
using Typed.Generators.Parsing;

namespace Typed.Analyzers.Usage;

/// <summary>
/// TYPED015: a broadcast, a user's sessions or a room's members are many clients, so an event that
/// waits for one answer cannot be sent to them (the runtime throws NotSupportedException). Seen on the sender directly, or through a
/// local that was given a broadcast sender and never anything else.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BroadcastAnswerAnalyzer : InvocationAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptors.AnswerFromBroadcast];

    internal override void Analyze(OperationAnalysisContext context, KnownTypes known)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod is not { IsAbstract: true, ContainingType.TypeKind: TypeKind.Interface } method
            || EventRules.ShapeOf(method.ReturnType, known) is not (ReturnShape.TaskOfT or ReturnShape.ValueTaskOfT)
            || SenderOf(invocation.Instance, context, known) is not { Broadcasts: true } sender)
        {
            return;
        }

        var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
            ? member.Name.GetLocation()
            : invocation.Syntax.GetLocation();
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.AnswerFromBroadcast, location, method.Name, sender.Contract.Name));
    }

    /// <summary>The runtime call that made the sender: the receiver itself, or a local's only value.</summary>
    private static TypedCall? SenderOf(IOperation? receiver, OperationAnalysisContext context, KnownTypes known)
    {
        while (receiver is IConversionOperation conversion)
        {
            receiver = conversion.Operand;
        }

        if (receiver is not ILocalReferenceOperation { Local: var local })
        {
            return TypedCall.From(receiver, known);
        }

        if (local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: var value } declarator
            || receiver.SemanticModel is not { } model
            || IsAssignedAgain(local, declarator, model, context))
        {
            return null;
        }

        return TypedCall.From(model.GetOperation(value, context.CancellationToken), known);
    }

    private static bool IsAssignedAgain(ILocalSymbol local, VariableDeclaratorSyntax declarator, SemanticModel model, OperationAnalysisContext context)
    {
        var scope = declarator.FirstAncestorOrSelf<BlockSyntax>() ?? (SyntaxNode?)declarator.FirstAncestorOrSelf<CompilationUnitSyntax>();
        return scope is not null && scope.DescendantNodes()
            .OfType<AssignmentExpressionSyntax>()
            .Any(assignment => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(assignment.Left, context.CancellationToken).Symbol, local));
    }
}
