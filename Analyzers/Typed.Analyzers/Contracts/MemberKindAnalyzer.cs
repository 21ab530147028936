using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Typed.Analyzers.Contracts;

/// <summary>TYPED005: properties, indexers and C# events have no wire form; a contract is methods only.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MemberKindAnalyzer : ContractAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptors.NotAnEventMember];

    internal override void Analyze(SymbolAnalysisContext context, EventContract contract)
    {
        foreach (var member in contract.CheckedMembers())
        {
            // Accessors are reported through the property or event they belong to.
            var kind = member switch
            {
                IPropertySymbol { IsIndexer: true } => "Indexer",
                IPropertySymbol => "Property",
                IEventSymbol => "Event",
                _ => null,
            };
            if (kind is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.NotAnEventMember,
                    contract.Where(member, SyntaxLocations.Identifier(member)),
                    kind,
                    contract.NameOf(member)));
            }
        }
    }
}
