using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Typed.Generators.Parsing;

namespace Typed.Analyzers.Contracts;

/// <summary>
/// TYPED007: the dispatcher finds a handler by the event's wire name, so two events of one contract
/// (C# overloads, colliding [EventName]s, or members inherited from several interfaces) cannot share one.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DuplicateEventNameAnalyzer : ContractAnalyzer
{
    /// <summary>The code fix's suggestion: a wire name no event of the contract has.</summary>
    public const string SuggestedName = nameof(SuggestedName);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptors.DuplicateEventName];

    internal override void Analyze(SymbolAnalysisContext context, EventContract contract)
    {
        var events = contract.AllEvents().ToList();
        var taken = new HashSet<string>(events.Select(method => EventRules.WireNameOf(method, contract.Known)), System.StringComparer.Ordinal);
        foreach (var group in WireNames.Duplicates(events, contract.Known))
        {
            var members = group.ToList();
            var owned = members.Where(contract.Owns).ToList();
            if (owned.Count == 0)
            {
                // Inherited from one base contract: reported there. From several interfaces: only here.
                if (members.Select(m => m.ContainingType).Distinct(SymbolEqualityComparer.Default).Count() > 1
                    || EventContract.EventsAttributeOf(members[0].ContainingType, contract.Known) is null)
                {
                    Report(context, contract, members[0], members[1], contract.Location, null);
                }

                continue;
            }

            // The first of the contract's own is left alone when nothing inherited has the name: renaming one of two is enough.
            var renamed = new HashSet<ISymbol>(members.Count == owned.Count ? owned.Skip(1) : owned, SymbolEqualityComparer.Default);
            foreach (var method in owned)
            {
                var other = members.First(m => !SymbolEqualityComparer.Default.Equals(m, method));
                var suggestion = renamed.Contains(method) ? Unique(group.Key, taken) : null;
                Report(context, contract, method, other, EventNameAnalyzer.NameLocation(method, contract.Known, context.CancellationToken) ?? contract.Location, suggestion);
            }
        }
    }

    private static void Report(SymbolAnalysisContext context, EventContract contract, IMethodSymbol method, IMethodSymbol other, Location location, string? suggestion)
    {
        var properties = suggestion is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(SuggestedName, suggestion);
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.DuplicateEventName, location, properties, contract.NameOf(method), EventRules.WireNameOf(method, contract.Known), contract.NameOf(other)));
    }

    /// <summary><c>Say</c> gives <c>Say2</c>, or <c>Say3</c> when that is taken too; each suggestion is then taken.</summary>
    private static string Unique(string name, HashSet<string> taken)
    {
        for (var n = 2; ; n++)
        {
            if (taken.Add(name + n))
            {
                return name + n;
            }
        }
    }
}
