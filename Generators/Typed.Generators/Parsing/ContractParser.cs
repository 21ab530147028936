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
    private const string EventNameAttribute = "Typed.Events.EventNameAttribute";

    public static ContractModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Interface, IsGenericType: false, ContainingType: null } contract)
        {
            return null;
        }

        var jsonContext = context.Attributes[0].NamedArguments
            .Where(argument => argument.Key == "JsonContext")
            .Select(argument => argument.Value.Value as ITypeSymbol)
            .FirstOrDefault();

        var events = new List<EventModel>();
        var methods = new List<IMethodSymbol>();
        foreach (var member in contract.GetMembers().Concat(contract.AllInterfaces.SelectMany(i => i.GetMembers())))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member.IsStatic || !member.IsAbstract)
            {
                continue;
            }

            if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsGenericMethod: false } method
                || ParseEvent(method, jsonContext is not null) is not { } parsed)
            {
                return null;
            }

            events.Add(parsed);
            methods.Add(method);
        }

        var customTypes = events
            .SelectMany(e => e.Parameters.Select(p => p.Type).Concat(e.Result is null ? [] : [e.Result]))
            .SelectMany(Flatten)
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
            DeclaredTypeCollector.Collect(methods.SelectMany(CarriedTypes), jsonContext));
    }

    /// <summary>The types an event's arguments and answer are made of (not its cancellation token).</summary>
    private static IEnumerable<ITypeSymbol> CarriedTypes(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.ToDisplayString() != "System.Threading.CancellationToken")
            {
                yield return parameter.Type;
            }
        }

        if (method.ReturnType is INamedTypeSymbol { TypeArguments.Length: 1 } answer)
        {
            yield return answer.TypeArguments[0];
        }
    }

    private static EventModel? ParseEvent(IMethodSymbol method, bool hasJsonContext)
    {
        var parameters = method.Parameters.ToList();
        string? cancellation = null;
        if (parameters.Count > 0 && parameters[parameters.Count - 1].Type.ToDisplayString() == "System.Threading.CancellationToken")
        {
            cancellation = Identifier(parameters[parameters.Count - 1].Name);
            parameters.RemoveAt(parameters.Count - 1);
        }

        if (parameters.Any(p => p.RefKind != RefKind.None || p.IsParams || p.Type.TypeKind == TypeKind.Pointer))
        {
            return null;
        }

        var (shape, result) = ReturnOf(method.ReturnType, hasJsonContext);
        var arguments = parameters.Select(p => new ParameterModel(Identifier(p.Name), TypeClassifier.Classify(p.Type, hasJsonContext))).ToList();
        if (shape == ReturnShape.Unsupported
            || result?.Shape == TypeShape.Unsupported
            || arguments.Any(a => a.Type.Shape == TypeShape.Unsupported))
        {
            return null;
        }

        var name = method.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == EventNameAttribute)
            .Select(a => a.ConstructorArguments.FirstOrDefault().Value as string)
            .FirstOrDefault() ?? method.Name;

        return new EventModel(
            method.Name,
            name,
            shape,
            TypeClassifier.NameOf(method.ReturnType),
            result,
            new EquatableArray<ParameterModel>(arguments),
            cancellation);
    }

    private static (ReturnShape Shape, TypeModel? Result) ReturnOf(ITypeSymbol type, bool hasJsonContext)
    {
        if (type.SpecialType == SpecialType.System_Void)
        {
            return (ReturnShape.Void, null);
        }

        var definition = type.OriginalDefinition.ToDisplayString();
        var argument = type is INamedTypeSymbol { TypeArguments.Length: 1 } generic ? generic.TypeArguments[0] : null;
        return definition switch
        {
            "System.Threading.Tasks.Task" => (ReturnShape.Task, null),
            "System.Threading.Tasks.ValueTask" => (ReturnShape.ValueTask, null),
            "System.Threading.Tasks.Task<TResult>" => (ReturnShape.TaskOfT, TypeClassifier.Classify(argument!, hasJsonContext)),
            "System.Threading.Tasks.ValueTask<TResult>" => (ReturnShape.ValueTaskOfT, TypeClassifier.Classify(argument!, hasJsonContext)),
            _ => (ReturnShape.Unsupported, null),
        };
    }

    private static IEnumerable<TypeModel> Flatten(TypeModel type)
    {
        for (var current = type; current is not null; current = current.Element)
        {
            yield return current;
        }
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
