using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Typed.Generators.Model;

namespace Typed.Generators.Parsing;

/// <summary>
/// Finds the application's own types that a contract carries (through its serializer context),
/// directly or inside containers and other such types, and describes each one's JSON for the
/// TypeScript declarations: its public properties (and <c>[JsonInclude]</c> members) by their JSON
/// names, less those <c>[JsonIgnore]</c> always leaves out.
/// </summary>
internal sealed class DeclaredTypeCollector
{
    private const string IgnoreAttribute = "System.Text.Json.Serialization.JsonIgnoreAttribute";
    private const string IncludeAttribute = "System.Text.Json.Serialization.JsonIncludeAttribute";

    private readonly JsonNaming _naming;
    private readonly Dictionary<string, DeclaredTypeModel?> _seen = new(System.StringComparer.Ordinal);

    private DeclaredTypeCollector(JsonNaming naming) => _naming = naming;

    public static EquatableArray<DeclaredTypeModel> Collect(IEnumerable<ITypeSymbol> carried, ITypeSymbol? jsonContext)
    {
        if (jsonContext is null)
        {
            return new EquatableArray<DeclaredTypeModel>(new List<DeclaredTypeModel>());
        }

        var collector = new DeclaredTypeCollector(JsonNaming.For(jsonContext));
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

        if (TypeClassifier.Classify(type, hasJsonContext: true).Shape != TypeShape.Custom)
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
        foreach (var (member, memberType) in SerializedMembers(type))
        {
            properties.Add(new DeclaredPropertyModel(_naming.NameOf(member), TypeClassifier.Classify(memberType, hasJsonContext: true), SometimesLeftOut(member)));
            Visit(memberType);
        }

        var qualified = TypeScriptNameOf(type);
        var dot = qualified.LastIndexOf('.');
        _seen[name] = new DeclaredTypeModel(name, qualified.Substring(0, dot), qualified.Substring(dot + 1), new EquatableArray<DeclaredPropertyModel>(properties));
    }

    /// <summary>What System.Text.Json writes by default, base types' members included; a <c>new</c> member hides its base's.</summary>
    private static IEnumerable<(ISymbol Member, ITypeSymbol Type)> SerializedMembers(ITypeSymbol type)
    {
        var chain = new List<ITypeSymbol>();
        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            chain.Insert(0, current);
        }

        var members = new Dictionary<string, (ISymbol, ITypeSymbol)>(System.StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var member in chain.SelectMany(t => t.GetMembers()))
        {
            if (member.IsStatic || member.IsImplicitlyDeclared || AlwaysIgnored(member))
            {
                continue;
            }

            var included = HasAttribute(member, IncludeAttribute);
            (ISymbol, ITypeSymbol)? serialized = member switch
            {
                IPropertySymbol { IsIndexer: false, GetMethod: not null } property
                    when included || (property.DeclaredAccessibility == Accessibility.Public && property.GetMethod.DeclaredAccessibility == Accessibility.Public)
                    => (property, property.Type),
                IFieldSymbol field when included => (field, field.Type),
                _ => null,
            };
            if (serialized is { } found)
            {
                if (!members.ContainsKey(member.Name))
                {
                    order.Add(member.Name);
                }

                members[member.Name] = found;
            }
        }

        return order.Select(name => members[name]);
    }

    private static bool HasAttribute(ISymbol member, string attribute) =>
        member.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == attribute);

    // JsonIgnoreCondition: Never (0), Always (1, the default), WhenWritingDefault (2), WhenWritingNull (3).
    private static bool AlwaysIgnored(ISymbol member) => IgnoreConditionOf(member) == 1;

    private static bool SometimesLeftOut(ISymbol member) => IgnoreConditionOf(member) is 2 or 3;

    private static int? IgnoreConditionOf(ISymbol member) =>
        member.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == IgnoreAttribute)
            .Select(a => a.NamedArguments.Where(n => n.Key == "Condition").Select(n => n.Value.Value as int?).FirstOrDefault() ?? 1)
            .Cast<int?>()
            .FirstOrDefault();
}
