using Microsoft.CodeAnalysis;
using Typed.Generators.Model;

namespace Typed.Generators.Parsing;

/// <summary>Decides how a parameter or result type is encoded, from its symbol.</summary>
internal static class TypeClassifier
{
    private static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static string NameOf(ITypeSymbol type) => type.ToDisplayString(Format);

    public static TypeModel Classify(ITypeSymbol type, bool hasJsonContext, KnownTypes known)
    {
        var name = NameOf(type);
        var nullableReference = type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated;
        if (PrimitiveSuffix(type, known) is { } suffix)
        {
            return new TypeModel(TypeShape.Primitive, name, suffix, null, nullableReference);
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return new TypeModel(TypeShape.Enum, name, "", null, false);
        }

        if (ContainerOf(type, known) is { } container)
        {
            return Container(container.Shape, name, Classify(container.Element, hasJsonContext, known), nullableReference);
        }

        var custom = hasJsonContext
            && type.TypeKind is TypeKind.Class or TypeKind.Struct
            && type is INamedTypeSymbol { IsGenericType: false }
            && type.SpecialType == SpecialType.None
            && !IsNeverEncodable(type, known);
        return custom ? new TypeModel(TypeShape.Custom, name, "", null, nullableReference) : Unsupported(name);
    }

    /// <summary>
    /// The containers encoded element by element: nullable values, one-dimensional arrays, the list
    /// interfaces and <c>List&lt;T&gt;</c>, and dictionaries keyed by string. Null for anything else.
    /// </summary>
    public static (TypeShape Shape, ITypeSymbol Element)? ContainerOf(ITypeSymbol type, KnownTypes known)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            return (TypeShape.NullableValue, nullable.TypeArguments[0]);
        }

        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            return (TypeShape.Array, array.ElementType);
        }

        if (type is not INamedTypeSymbol { IsGenericType: true } generic)
        {
            return null;
        }

        var definition = generic.OriginalDefinition;
        if (definition.SpecialType is SpecialType.System_Collections_Generic_IList_T
                or SpecialType.System_Collections_Generic_IReadOnlyList_T
                or SpecialType.System_Collections_Generic_ICollection_T
                or SpecialType.System_Collections_Generic_IReadOnlyCollection_T
                or SpecialType.System_Collections_Generic_IEnumerable_T
            || KnownTypes.Is(definition, known.List))
        {
            return (TypeShape.List, generic.TypeArguments[0]);
        }

        if (KnownTypes.Is(definition, known.Dictionary) || KnownTypes.Is(definition, known.IDictionary) || KnownTypes.Is(definition, known.IReadOnlyDictionary))
        {
            return generic.TypeArguments[0].SpecialType == SpecialType.System_String
                ? (TypeShape.Dictionary, generic.TypeArguments[1])
                : null;
        }

        return null;
    }

    private static TypeModel Container(TypeShape shape, string name, TypeModel element, bool nullableReference) =>
        element.Shape == TypeShape.Unsupported ? Unsupported(name) : new TypeModel(shape, name, "", element, nullableReference);

    private static TypeModel Unsupported(string name) => new(TypeShape.Unsupported, name, "", null, false);

    /// <summary>
    /// Class or struct types that no serializer context can encode: delegates, ref structs (spans),
    /// streams and <c>object</c>, which says nothing of what to write.
    /// </summary>
    public static bool IsNeverEncodable(ITypeSymbol type, KnownTypes known) =>
        type.TypeKind == TypeKind.Delegate || type.IsRefLikeType || type.SpecialType == SpecialType.System_Object || IsStream(type, known);

    private static bool IsStream(ITypeSymbol type, KnownTypes known)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (KnownTypes.Is(current, known.Stream))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The <c>EventJson</c> method suffix for types it reads and writes directly.</summary>
    private static string? PrimitiveSuffix(ITypeSymbol type, KnownTypes known)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String: return "String";
            case SpecialType.System_Boolean: return "Boolean";
            case SpecialType.System_Byte: return "Byte";
            case SpecialType.System_SByte: return "SByte";
            case SpecialType.System_Int16: return "Int16";
            case SpecialType.System_UInt16: return "UInt16";
            case SpecialType.System_Int32: return "Int32";
            case SpecialType.System_UInt32: return "UInt32";
            case SpecialType.System_Int64: return "Int64";
            case SpecialType.System_UInt64: return "UInt64";
            case SpecialType.System_Single: return "Single";
            case SpecialType.System_Double: return "Double";
            case SpecialType.System_Decimal: return "Decimal";
            case SpecialType.System_Char: return "Char";
            case SpecialType.System_DateTime: return "DateTime";
        }

        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte })
        {
            return "Bytes";
        }

        return KnownTypes.Is(type, known.DateTimeOffset) ? "DateTimeOffset"
            : KnownTypes.Is(type, known.Guid) ? "Guid"
            : KnownTypes.Is(type, known.TimeSpan) ? "TimeSpan"
            : null;
    }
}
