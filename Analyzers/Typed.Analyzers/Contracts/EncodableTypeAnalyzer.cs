using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Typed.Generators.Model;
using Typed.Generators.Parsing;

namespace Typed.Analyzers.Contracts;

/// <summary>
/// TYPED010 and TYPED011: every argument and result is a type the generator's classifier can encode
/// (the same code decides), and each of the application's own types is one the contract's
/// serializer context really has type information for, lest the sender fail on first use.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EncodableTypeAnalyzer : ContractAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptors.UnencodableType, Descriptors.InvalidJsonContext];

    internal override void Analyze(SymbolAnalysisContext context, EventContract contract)
    {
        var covered = contract.JsonContext is null ? null : JsonContextTypes.Of(contract.JsonContext, contract.Known);
        if (contract.JsonContext is not null && covered is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.InvalidJsonContext, JsonContextLocation(contract, context), contract.JsonContext.ToDisplayString(), contract.Symbol.Name));
        }

        foreach (var method in contract.CheckedEvents())
        {
            foreach (var sent in EventType.Of(method, contract.Known, context.CancellationToken))
            {
                if (Problem(sent.Type, contract, covered) is { } problem)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.UnencodableType,
                        contract.Where(method, sent.Location),
                        contract.NameOf(method),
                        sent.Role,
                        sent.Type.ToDisplayString(),
                        problem));
                }
            }
        }
    }

    /// <summary>What is wrong with sending <paramref name="type"/>, and the way out; null when nothing is.</summary>
    private static string? Problem(ITypeSymbol type, EventContract contract, JsonContextTypes? covered)
    {
        if (TypeClassifier.Classify(type, contract.HasJsonContext, contract.Known) is not { Shape: not TypeShape.Unsupported })
        {
            return WayOut(Culprit(type, contract.HasJsonContext, contract.Known), contract.HasJsonContext, contract.Known);
        }

        if (covered is null)
        {
            // Without a context nothing is custom; with one that is not a context, TYPED011 says so.
            return null;
        }

        var missing = covered.FirstMissing(type);
        return missing is null
            ? null
            : $"add [JsonSerializable(typeof({missing.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString()}))] to {contract.JsonContext!.Name}";
    }

    /// <summary>The innermost type that cannot be encoded: <c>Stream</c> in <c>List&lt;Stream&gt;[]</c>.</summary>
    private static ITypeSymbol Culprit(ITypeSymbol type, bool hasJsonContext, KnownTypes known)
    {
        while (TypeClassifier.ContainerOf(type, known) is { } container
            && TypeClassifier.Classify(container.Element, hasJsonContext, known).Shape == TypeShape.Unsupported)
        {
            type = container.Element;
        }

        return type;
    }

    private static string WayOut(ITypeSymbol type, bool hasJsonContext, KnownTypes known) => type switch
    {
        ITypeParameterSymbol => $"type parameter '{type.Name}' is not known on the receiving side, so use a concrete type",
        { TypeKind: TypeKind.Delegate } => "a delegate cannot cross the wire, so send data (or declare an event the other side calls back)",
        { IsRefLikeType: true } => $"'{type.Name}' is a ref struct, which cannot be stored or serialized, so use an array (byte[] for bytes)",
        { SpecialType: SpecialType.System_Object } or { TypeKind: TypeKind.Dynamic } => "'object' says nothing of what to encode, so use a concrete type",
        { TypeKind: TypeKind.Interface } => $"interface '{type.Name}' says nothing of what to encode, so use a concrete type (of the interfaces, only the list and string-keyed dictionary ones are encoded)",
        IArrayTypeSymbol => "only one-dimensional arrays are encoded, so use an array of arrays",
        { TypeKind: TypeKind.Pointer or TypeKind.FunctionPointer } => "a pointer cannot cross the wire, so send the values it points at",
        _ when TypeClassifier.IsNeverEncodable(type, known) => $"'{type.Name}' is not data that can cross the wire, so send its contents (byte[] for a stream's bytes)",
        INamedTypeSymbol { IsGenericType: true } generic when IsDictionary(generic.OriginalDefinition, known) => "dictionaries travel as JSON objects, keyed by string, so use string keys",
        INamedTypeSymbol { IsGenericType: true } => $"generic types other than the collections are not encoded, so declare a non-generic type{(hasJsonContext ? " and add it to the JsonContext's [JsonSerializable]" : "")}",
        { TypeKind: TypeKind.Class or TypeKind.Struct } when !hasJsonContext =>
            $"name a JsonSerializerContext with [JsonSerializable(typeof({type.Name}))] in [Events(JsonContext = typeof(...))]",
        _ => "use a concrete type",
    };

    private static bool IsDictionary(INamedTypeSymbol definition, KnownTypes known) =>
        KnownTypes.Is(definition, known.Dictionary) || KnownTypes.Is(definition, known.IDictionary) || KnownTypes.Is(definition, known.IReadOnlyDictionary);

    private static Location JsonContextLocation(EventContract contract, SymbolAnalysisContext context) =>
        contract.Attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is AttributeSyntax { ArgumentList: { } arguments }
        && arguments.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "JsonContext") is { } argument
            ? argument.Expression.GetLocation()
            : contract.Location;
}
