using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Typed.Generators.Model;

namespace Typed.Generators.Parsing;

/// <summary>
/// Turns an <c>[Events]</c> interface into a <see cref="ContractModel"/>. Contracts the analyzers
/// report as wrong (generic, with properties, ref parameters...) give no model, so the generator
/// emits nothing for them and adds no diagnostics of its own.
/// </summary>
internal static class ContractParser
{
    public static ContractModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol contract || !EventRules.IsContractShape(contract))
        {
            return null;
        }

        var jsonContext = EventRules.JsonContextOf(context.Attributes[0]);

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
                || ParseEvent(method, jsonContext is not null) is not { } parsed)
            {
                return null;
            }

            events.Add(parsed);
            methods.Add(method);
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
            DeclaredTypeCollector.Collect(methods.SelectMany(EventRules.CarriedTypes).Select(carried => carried.Type), jsonContext));
    }

    private static EventModel? ParseEvent(IMethodSymbol method, bool hasJsonContext)
    {
        var parameters = method.Parameters.ToList();
        string? cancellation = null;
        if (EventRules.HasTrailingCancellationToken(method))
        {
            cancellation = Identifier(parameters[parameters.Count - 1].Name);
            parameters.RemoveAt(parameters.Count - 1);
        }

        if (!parameters.All(EventRules.IsPassedByValue))
        {
            return null;
        }

        var (shape, result) = EventRules.ReturnOf(method.ReturnType, hasJsonContext);
        var arguments = parameters.Select(p => new ParameterModel(Identifier(p.Name), TypeClassifier.Classify(p.Type, hasJsonContext))).ToList();
        if (shape == ReturnShape.Unsupported
            || result?.Shape == TypeShape.Unsupported
            || arguments.Any(a => a.Type.Shape == TypeShape.Unsupported))
        {
            return null;
        }

        return new EventModel(
            method.Name,
            EventRules.WireNameOf(method),
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
