using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Typed.Analyzers.CodeFixes;

/// <summary>TYPED013: marks the interface <c>[Events]</c> where it is declared (which may be another file), adding the using it needs.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddEventsCodeFix)), Shared]
public sealed class AddEventsCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [DiagnosticIds.NotAContract];

    public override FixAllProvider? GetFixAllProvider() => null;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (diagnostic.AdditionalLocations.Count > 0 && diagnostic.AdditionalLocations[0] is { SourceTree: { } tree } declaration
            && context.Document.Project.Solution.GetDocument(tree) is { } document)
        {
            context.RegisterCodeFix(
                CodeAction.Create("Mark the interface [Events]", token => MarkAsync(document, declaration, token), nameof(AddEventsCodeFix)),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Solution> MarkAsync(Document document, Location declaration, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(declaration.SourceSpan).AncestorsAndSelf().OfType<InterfaceDeclarationSyntax>().FirstOrDefault() is not { } contract)
        {
            return document.Project.Solution;
        }

        var generator = SyntaxGenerator.GetGenerator(document);
        var needsUsing = model is not null && !UsingDirectives.InScope(model, contract.SpanStart, "EventsAttribute");
        var newRoot = root.ReplaceNode(contract, generator.AddAttributes(contract, generator.Attribute("Events")));
        return document.WithSyntaxRoot(needsUsing ? UsingDirectives.WithEventsNamespace(newRoot) : newRoot).Project.Solution;
    }
}
