using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Typed.Generators.Parsing;

namespace Typed.Analyzers.Contracts;

/// <summary>
/// TYPED008 and TYPED009: a wire name is not blank, and is none of the names the protocol or the
/// browser client already give a meaning (<see cref="WireNames"/>, shared with the generator).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EventNameAnalyzer : ContractAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptors.EmptyEventName, Descriptors.ReservedEventName];

    internal override void Analyze(SymbolAnalysisContext context, EventContract contract)
    {
        foreach (var method in contract.CheckedEvents())
        {
            var name = EventRules.WireNameOf(method, contract.Known);
            var location = contract.Where(method, NameLocation(method, contract.Known, context.CancellationToken));
            if (WireNames.IsBlank(name))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.EmptyEventName, location, contract.NameOf(method)));
            }
            else if (WireNames.ReservedBy(name) is { } why)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.ReservedEventName, location, contract.NameOf(method), name, why));
            }
        }
    }

    /// <summary>The <c>[EventName]</c> argument when there is one, else the method's name.</summary>
    internal static Location? NameLocation(IMethodSymbol method, KnownTypes known, CancellationToken cancellationToken) =>
        EventRules.EventNameAttributeOf(method, known)?.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList.Arguments.Count: > 0 } attribute
            ? attribute.ArgumentList.Arguments[0].GetLocation()
            : method.Locations.FirstOrDefault();
}
