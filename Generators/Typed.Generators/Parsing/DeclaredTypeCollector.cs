using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Typed.Generators.Model;

namespace Typed.Generators.Parsing;

/// <summary>
/// Finds the application's own types that a contract carries (through its serializer context),
/// directly or inside containers and other such types, and describes each one's JSON for the
/// TypeScript declarations: its <see cref="JsonMembers"/> by their JSON names.
/// </summary>
internal sealed class DeclaredTypeCollector
{
    private readonly JsonNaming _naming;
    private readonly KnownTypes _known;
    private readonly Dictionary<string, DeclaredTypeModel?> _seen = new(System.StringComparer.Ordinal);

    private DeclaredTypeCollector(JsonNaming naming, KnownTypes known)
    {
        _naming = naming;
        _known = known;
    }

    public static EquatableArray<DeclaredTypeModel> Collect(IEnumerable<ITypeSymbol> carried, ITypeSymbol? jsonContext, KnownTypes known)
    {
        if (jsonContext is null)
        {
            return new EquatableArray<DeclaredTypeModel>(new List<DeclaredTypeModel>());
        }

        var collector = new DeclaredTypeCollector(JsonNaming.For(jsonContext, known), known);
        foreach (var type in carried)
        {
            collector.Visit(type);
        }

        return new EquatableArray<DeclaredTypeModel>(collector._seen.Values
            .Where(model => model is not null)
            .Select(model => model!)
            .OrderBy(model => model.CSharpName, System.StringComparer.Ordinal)
            .ToList());
    }

    /// <summary>The TypeScript name a custom type is declared under.</summary>
    public static string TypeScriptNameOf(ITypeSymbol type)
    {
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : "Contracts";
        var names = new List<string>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            names.Insert(0, current.Name);
        }

        return ns + "." + string.Join("_", names);
    }

    private void Visit(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                Visit(array.ElementType);
                return;
            case INamedTypeSymbol { IsGenericType: true } generic:
                foreach (var argument in generic.TypeArguments)
                {
                    Visit(argument);
                }

                return;
        }

        if (TypeClassifier.Classify(type, hasJsonContext: true, _known).Shape != TypeShape.Custom)
        {
            return;
        }

        var name = TypeClassifier.NameOf(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated));
        if (_seen.ContainsKey(name))
        {
            return;
        }

        _seen[name] = null; // a type that contains itself is declared once
        var properties = new List<DeclaredPropertyModel>();
        foreach (var (member, memberType) in JsonMembers.Of(type, _known))
        {
            properties.Add(new DeclaredPropertyModel(_naming.NameOf(member), TypeClassifier.Classify(memberType, hasJsonContext: true, _known), JsonMembers.IsSometimesLeftOut(member, _known)));
            Visit(memberType);
        }

        var qualified = TypeScriptNameOf(type);
        var dot = qualified.LastIndexOf('.');
        _seen[name] = new DeclaredTypeModel(name, qualified.Substring(0, dot), qualified.Substring(dot + 1), new EquatableArray<DeclaredPropertyModel>(properties));
    }
}
