using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Typed.Generators.Model;

namespace Typed.Generators.Parsing;

/// <summary>
/// The types a <c>JsonSerializerContext</c> has type information for: those it names in
/// <c>[JsonSerializable]</c>, and (as System.Text.Json's generator makes it for them) the types of
/// their public properties and fields, and of those in turn. The generator emits nothing for a
/// contract that sends a type its context lacks (it would throw on first use); the analyzers say which.
/// </summary>
internal sealed class JsonContextTypes
{
    private readonly HashSet<ITypeSymbol> _types = new(SymbolEqualityComparer.Default);
    private readonly KnownTypes _known;

    private JsonContextTypes(INamedTypeSymbol context, KnownTypes known)
    {
        _known = known;
        var roots = context.GetAttributes()
            .Where(a => KnownTypes.Is(a.AttributeClass, known.JsonSerializableAttribute))
            .Select(a => a.ConstructorArguments.FirstOrDefault().Value)
            .OfType<ITypeSymbol>();
        foreach (var root in roots)
        {
            Add(root);
        }
    }

    /// <summary>Null when <paramref name="context"/> is no serializer context at all.</summary>
    public static JsonContextTypes? Of(ITypeSymbol context, KnownTypes known) =>
        context is INamedTypeSymbol named && IsSerializerContext(named, known) ? new JsonContextTypes(named, known) : null;

    public bool Covers(ITypeSymbol type) => _types.Contains(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated));

    /// <summary>The first of the application's types in <paramref name="type"/> (itself, then its elements) this context lacks; null when none is.</summary>
    public ITypeSymbol? FirstMissing(ITypeSymbol type)
    {
        for (ITypeSymbol? current = type; current is not null; current = TypeClassifier.ContainerOf(current, _known)?.Element)
        {
            if (TypeClassifier.Classify(current, hasJsonContext: true, _known).Shape == TypeShape.Custom && !Covers(current))
            {
                return current;
            }
        }

        return null;
    }

    private static bool IsSerializerContext(INamedTypeSymbol type, KnownTypes known)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (KnownTypes.Is(current, known.JsonSerializerContext))
            {
                return true;
            }
        }

        return false;
    }

    private void Add(ITypeSymbol type)
    {
        if (!_types.Add(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated)))
        {
            return;
        }

        switch (type)
        {
            case IArrayTypeSymbol array:
                Add(array.ElementType);
                return;
            case INamedTypeSymbol named:
                foreach (var argument in named.TypeArguments)
                {
                    Add(argument);
                }

                break;
        }

        if (!DataMembers.IsApplicationType(type))
        {
            return;
        }

        foreach (var member in DataMembers.TypesOf(type, _known))
        {
            Add(member);
        }
    }
}
