using System.Collections.Generic;
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
/// browser client already give a meaning. Names compare as the wire does: ordinally.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EventNameAnalyzer : ContractAnalyzer
{
    private const string Protocol = "the protocol uses for its own frames";
    private const string Browser = "the browser client fires for the socket itself";
    private const string Prototype = "every JavaScript object has, so the browser client would mistake it for a handler";

    /// <summary>The protocol's frame members, the browser client's SOCKET_EVENTS, and Object.prototype's members (its handler table is a plain object).</summary>
    private static readonly Dictionary<string, string> Reserved = new(System.StringComparer.Ordinal)
    {
        ["sessionid"] = Protocol,
        ["heartbeat"] = Protocol,
        ["messages"] = Protocol,
        ["connect"] = Browser,
        ["message"] = Browser,
        ["close"] = Browser,
        ["disconnect"] = Browser,
        ["reconnect"] = Browser,
        ["constructor"] = Prototype,
        ["__proto__"] = Prototype,
        ["hasOwnProperty"] = Prototype,
        ["isPrototypeOf"] = Prototype,
        ["propertyIsEnumerable"] = Prototype,
        ["toLocaleString"] = Prototype,
        ["toString"] = Prototype,
        ["valueOf"] = Prototype,
        ["__defineGetter__"] = Prototype,
        ["__defineSetter__"] = Prototype,
        ["__lookupGetter__"] = Prototype,
        ["__lookupSetter__"] = Prototype,
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptors.EmptyEventName, Descriptors.ReservedEventName];

    internal override void Analyze(SymbolAnalysisContext context, EventContract contract)
    {
        foreach (var method in contract.CheckedEvents())
        {
            var name = EventRules.WireNameOf(method);
            var location = contract.Where(method, NameLocation(method, context.CancellationToken));
            if (string.IsNullOrWhiteSpace(name))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.EmptyEventName, location, contract.NameOf(method)));
            }
            else if (Reserved.TryGetValue(name, out var why))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.ReservedEventName, location, contract.NameOf(method), name, why));
            }
        }
    }

    /// <summary>The <c>[EventName]</c> argument when there is one, else the method's name.</summary>
    internal static Location? NameLocation(IMethodSymbol method, CancellationToken cancellationToken) =>
        EventRules.EventNameAttributeOf(method)?.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList.Arguments.Count: > 0 } attribute
            ? attribute.ArgumentList.Arguments[0].GetLocation()
            : method.Locations.FirstOrDefault();
}
