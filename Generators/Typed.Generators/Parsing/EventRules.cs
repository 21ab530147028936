using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Typed.Generators.Model;

namespace Typed.Generators.Parsing;

/// <summary>
/// What makes an interface a contract the generator can emit, decided once: the generator parses
/// with these rules and the analyzers (which link this file) report where a contract breaks them,
/// so the two never disagree about what is supported.
/// </summary>
internal static class EventRules
{
    public const string EventsAttribute = "Typed.Events.EventsAttribute";
    public const string EventNameAttribute = "Typed.Events.EventNameAttribute";

    /// <summary>The <c>JsonContext</c> named on an <c>[Events]</c> attribute, if any.</summary>
    public static ITypeSymbol? JsonContextOf(AttributeData events) => events.NamedArguments
        .Where(argument => argument.Key == "JsonContext")
        .Select(argument => argument.Value.Value as ITypeSymbol)
        .FirstOrDefault();

    /// <summary>A top-level, non-generic interface other files can see: the only kind a sender class can be generated for.</summary>
    public static bool IsContractShape(INamedTypeSymbol type) =>
        type is { TypeKind: TypeKind.Interface, IsGenericType: false, ContainingType: null, IsFileLocal: false };

    /// <summary>The contract's own members and those it inherits: every one that is abstract is an event.</summary>
    public static IEnumerable<ISymbol> MembersOf(INamedTypeSymbol contract) =>
        contract.GetMembers().Concat(contract.AllInterfaces.SelectMany(i => i.GetMembers()));

    /// <summary>Static members and default implementations are the interface's own business, not events.</summary>
    public static bool IsEventMember(ISymbol member) => !member.IsStatic && member.IsAbstract;

    /// <summary>An ordinary, non-generic method: the only member that can be an event.</summary>
    public static bool IsEventMethod(ISymbol member) =>
        member is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsGenericMethod: false };

    public static bool IsCancellationToken(ITypeSymbol type, KnownTypes known) => KnownTypes.Is(type, known.CancellationToken);

    /// <summary>True when the last parameter is the token the sender passes on rather than sends.</summary>
    public static bool HasTrailingCancellationToken(IMethodSymbol method, KnownTypes known) =>
        method.Parameters.Length > 0 && IsCancellationToken(method.Parameters[method.Parameters.Length - 1].Type, known);

    /// <summary>Tokens anywhere but last: they would be arguments to encode, which no codec can.</summary>
    public static IEnumerable<IParameterSymbol> MisplacedCancellationTokens(IMethodSymbol method, KnownTypes known) =>
        method.Parameters.Take(method.Parameters.Length - 1).Where(parameter => IsCancellationToken(parameter.Type, known));

    /// <summary>Arguments travel by value: no <c>ref</c>, <c>out</c>, <c>in</c>, <c>params</c> or pointers.</summary>
    public static bool IsPassedByValue(IParameterSymbol parameter) =>
        parameter.RefKind == RefKind.None && !parameter.IsParams && parameter.Type.TypeKind != TypeKind.Pointer;

    /// <summary>The event's name on the wire: its <c>[EventName]</c>, or else the method's name.</summary>
    public static string WireNameOf(IMethodSymbol method, KnownTypes known) => EventNameAttributeOf(method, known) is { } attribute
        ? attribute.ConstructorArguments.FirstOrDefault().Value as string ?? method.Name
        : method.Name;

    public static AttributeData? EventNameAttributeOf(IMethodSymbol method, KnownTypes known) =>
        KnownTypes.AttributeOf(method.GetAttributes(), known.EventNameAttribute);

    /// <summary>How an event's return type is sent, and its result's encoding for those that answer.</summary>
    public static (ReturnShape Shape, TypeModel? Result) ReturnOf(ITypeSymbol type, bool hasJsonContext, KnownTypes known)
    {
        var shape = ShapeOf(type, known);
        return shape is ReturnShape.TaskOfT or ReturnShape.ValueTaskOfT
            ? (shape, TypeClassifier.Classify(ResultTypeOf(type)!, hasJsonContext, known))
            : (shape, null);
    }

    /// <summary>How an event's return type is sent, its result aside.</summary>
    public static ReturnShape ShapeOf(ITypeSymbol type, KnownTypes known)
    {
        if (type.SpecialType == SpecialType.System_Void)
        {
            return ReturnShape.Void;
        }

        var definition = type.OriginalDefinition;
        return KnownTypes.Is(definition, known.Task) ? ReturnShape.Task
            : KnownTypes.Is(definition, known.ValueTask) ? ReturnShape.ValueTask
            : KnownTypes.Is(definition, known.TaskOfT) ? ReturnShape.TaskOfT
            : KnownTypes.Is(definition, known.ValueTaskOfT) ? ReturnShape.ValueTaskOfT
            : ReturnShape.Unsupported;
    }

    /// <summary>
    /// The types an event sends: each argument's (with its parameter; not the cancellation token,
    /// which stays behind) and then its answer's (with no parameter), for events that answer.
    /// </summary>
    public static IEnumerable<(IParameterSymbol? Parameter, ITypeSymbol Type)> CarriedTypes(IMethodSymbol method, KnownTypes known)
    {
        foreach (var parameter in method.Parameters)
        {
            if (!IsCancellationToken(parameter.Type, known))
            {
                yield return (parameter, parameter.Type);
            }
        }

        if (ShapeOf(method.ReturnType, known) is ReturnShape.TaskOfT or ReturnShape.ValueTaskOfT
            && ResultTypeOf(method.ReturnType) is { } result)
        {
            yield return (null, result);
        }
    }

    /// <summary>The <c>T</c> of a <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>.</summary>
    public static ITypeSymbol? ResultTypeOf(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeArguments.Length: 1 } generic ? generic.TypeArguments[0] : null;

    /// <summary>A type and the element types inside it (arrays, lists, dictionary values, nullable values).</summary>
    public static IEnumerable<TypeModel> Flatten(TypeModel type)
    {
        for (var current = type; current is not null; current = current.Element)
        {
            yield return current;
        }
    }
}
