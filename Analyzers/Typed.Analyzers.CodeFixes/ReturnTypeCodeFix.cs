using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Typed.Analyzers.CodeFixes;

/// <summary>TYPED001: offers to make the event return <c>void</c> (fire and forget) or <c>Task</c> (awaited by the handler's side).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReturnTypeCodeFix)), Shared]
public sealed class ReturnTypeCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [DiagnosticIds.UnsupportedReturnType];

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true)?.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault() is not { } method)
        {
            return;
        }

        var diagnostic = context.Diagnostics[0];
        context.RegisterCodeFix(
            CodeAction.Create("Return void", _ => Replace(context.Document, root, method, SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.VoidKeyword))), "ReturnVoid"),
            diagnostic);
        context.RegisterCodeFix(
            CodeAction.Create("Return Task", _ => Replace(context.Document, root, method, SyntaxFactory.ParseTypeName("System.Threading.Tasks.Task").WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation)), "ReturnTask"),
            diagnostic);
    }

    private static Task<Document> Replace(Document document, SyntaxNode root, MethodDeclarationSyntax method, TypeSyntax type) =>
        Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(method.ReturnType, type.WithTriviaFrom(method.ReturnType))));
}
