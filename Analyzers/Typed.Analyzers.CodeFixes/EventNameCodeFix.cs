using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Typed.Analyzers.Contracts;
using Typed.Generators.Parsing;

namespace Typed.Analyzers.CodeFixes;

/// <summary>
/// TYPED007: gives the event the unique wire name the analyzer suggests, by its <c>[EventName]</c>
/// (changed if it has one, added if not), so that the C# name and callers stay as they are.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EventNameCodeFix)), Shared]
public sealed class EventNameCodeFix : CodeFixProvider
{
    private const string Attribute = "EventNameAttribute";

    public override ImmutableArray<string> FixableDiagnosticIds => [DiagnosticIds.DuplicateEventName];

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.TryGetValue(DuplicateEventNameAnalyzer.SuggestedName, out var name) || name is null)
        {
            return;
        }

        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true)?.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault() is not { } method)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create($"Name the event '{name}' on the wire", token => RenameAsync(context.Document, root, method, name, token), nameof(EventNameCodeFix)),
            diagnostic);
    }

    private static async Task<Document> RenameAsync(Document document, SyntaxNode root, MethodDeclarationSyntax method, string name, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name));
        var eventName = model is null ? null : KnownTypes.For(model.Compilation).EventNameAttribute;
        var existing = method.AttributeLists.SelectMany(list => list.Attributes)
            .FirstOrDefault(a => KnownTypes.Is(model?.GetTypeInfo(a, cancellationToken).Type, eventName)
                || KnownTypes.Is((model?.GetSymbolInfo(a, cancellationToken).Symbol as IMethodSymbol)?.ContainingType, eventName));
        if (existing is { ArgumentList.Arguments.Count: > 0 })
        {
            var argument = existing.ArgumentList!.Arguments[0];
            return document.WithSyntaxRoot(root.ReplaceNode(argument.Expression, literal.WithTriviaFrom(argument.Expression)));
        }

        var needsUsing = model is not null && !UsingDirectives.InScope(model, method.SpanStart, Attribute);
        var generator = Microsoft.CodeAnalysis.Editing.SyntaxGenerator.GetGenerator(document);
        var renamed = generator.AddAttributes(method, generator.Attribute("EventName", literal));
        var newRoot = root.ReplaceNode(method, renamed);
        return document.WithSyntaxRoot(needsUsing ? UsingDirectives.WithEventsNamespace(newRoot) : newRoot);
    }
}
