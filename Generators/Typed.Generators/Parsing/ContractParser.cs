using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Typed.Generators.Model;

namespace Typed.Generators.Parsing;

/// <summary>
/// Turns an <c>[Events]</c> interface into a <see cref="ContractModel"/>. A contract any contract
/// analyzer reports on (generic, with properties, ref parameters, two events with one name...)
/// gives no model, by the same shared rules, so the generator emits nothing for it and the user
/// sees only the diagnostic that explains the mistake.
/// </summary>
internal static class ContractParser
{
    public static ContractModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol contract || !EventRules.IsContractShape(contract))
        {
            return null;
        }

        // Symbols stay in this transform: the model it returns holds only text, so it stays equatable.
        var known = KnownTypes.For(context.SemanticModel.Compilation);

        // TYPED011: the generated code asks the context for type information; a type that is none has none.
        var jsonContext = EventRules.JsonContextOf(context.Attributes[0]);
        var covered = jsonContext is null ? null : JsonContextTypes.Of(jsonContext, known);
        if (jsonContext is not null && covered is null)
        {
            return null;
        }

        var events = new List<EventModel>();
        var methods = new List<IMethodSymbol>();
        foreach (var member in EventRules.MembersOf(contract))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!EventRules.IsEventMember(member))
            {
                continue;
            }

            if (!EventRules.IsEventMethod(member) || member is not IMethodSymbol method
                || ParseEvent(method, covered, known) is not { } parsed)
            {
                return null;
            }

            events.Add(parsed);
            methods.Add(method);
        }

        // TYPED007: the dispatcher is a switch on the wire name, one case per name.
        if (WireNames.Duplicates(methods, known).Any())
        {
            return null;
        }

        var customTypes = events
            .SelectMany(e => e.Parameters.Select(p => p.Type).Concat(e.Result is null ? [] : [e.Result]))
            .SelectMany(EventRules.Flatten)
            .Where(type => type.Shape == TypeShape.Custom)
            .Select(type => type.Name.TrimEnd('?'))
            .Distinct()
            .OrderBy(name => name, System.StringComparer.Ordinal);

        var ns = contract.ContainingNamespace.IsGlobalNamespace ? "" : contract.ContainingNamespace.ToDisplayString();
        return new ContractModel(
            ns,
            contract.Name,
            TypeClassifier.NameOf(contract),
            ClassNameFor(contract.Name),
            contract.DeclaredAccessibility == Accessibility.Public ? "public" : "internal",
            jsonContext is null ? null : TypeClassifier.NameOf(jsonContext),
            new EquatableArray<EventModel>(events),
            new EquatableArray<string>(customTypes),
            DeclaredTypeCollector.Collect(methods.SelectMany(method => EventRules.CarriedTypes(method, known)).Select(carried => carried.Type), jsonContext, known));
    }

    private static EventModel? ParseEvent(IMethodSymbol method, JsonContextTypes? covered, KnownTypes known)
    {
        // The trailing token is checked too (a `ref CancellationToken` is TYPED002), and a type the
        // context lacks (TYPED010) is refused here, as it would compile and then throw on first use.
        var wireName = EventRules.WireNameOf(method, known);
        if (!method.Parameters.All(EventRules.IsPassedByValue)
            || EventRules.MisplacedCancellationTokens(method, known).Any()
            || !WireNames.IsAllowed(wireName)
            || (covered is not null && EventRules.CarriedTypes(method, known).Any(carried => covered.FirstMissing(carried.Type) is not null)))
        {
            return null;
        }

        var hasJsonContext = covered is not null;
        var parameters = method.Parameters.ToList();
        string? cancellation = null;
        if (EventRules.HasTrailingCancellationToken(method, known))
        {
            cancellation = Identifier(parameters[parameters.Count - 1].Name);
            parameters.RemoveAt(parameters.Count - 1);
        }

        var (shape, result) = EventRules.ReturnOf(method.ReturnType, hasJsonContext, known);
        var arguments = parameters.Select(p => new ParameterModel(Identifier(p.Name), TypeClassifier.Classify(p.Type, hasJsonContext, known))).ToList();
        if (shape == ReturnShape.Unsupported
            || result?.Shape == TypeShape.Unsupported
            || arguments.Any(a => a.Type.Shape == TypeShape.Unsupported))
        {
            return null;
        }

        return new EventModel(
            method.Name,
            wireName,
            shape,
            TypeClassifier.NameOf(method.ReturnType),
            result,
            new EquatableArray<ParameterModel>(arguments),
            cancellation);
    }

    /// <summary>A parameter name as C# source: keywords get their <c>@</c> back.</summary>
    private static string Identifier(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? name : "@" + name;

    /// <summary><c>IChatServer</c> gives <c>ChatServerEvents</c>.</summary>
    private static string ClassNameFor(string interfaceName)
    {
        var trimmed = interfaceName.Length > 1 && interfaceName[0] == 'I' && char.IsUpper(interfaceName[1])
            ? interfaceName.Substring(1)
            : interfaceName;
        return trimmed + "Events";
    }
}
