using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Typed.Generators.Parsing;

/// <summary>
/// The members System.Text.Json writes of the application's own type, by default: public instance
/// properties with a public getter, and members marked <c>[JsonInclude]</c>, base types' included
/// (a <c>new</c> member hides its base's), less those <c>[JsonIgnore]</c> always leaves out. One
/// reading of it, for the TypeScript declarations and for the analyzers that look inside types.
/// </summary>
internal static class JsonMembers
{
    public static IEnumerable<(ISymbol Member, ITypeSymbol Type)> Of(ITypeSymbol type, KnownTypes known)
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
            if (member.IsStatic || member.IsImplicitlyDeclared || IgnoreConditionOf(member, known) == AlwaysIgnored
                || SerializedType(member, known) is not { } memberType)
            {
                continue;
            }

            if (!members.ContainsKey(member.Name))
            {
                order.Add(member.Name);
            }

            members[member.Name] = (member, memberType);
        }

        return order.Select(name => members[name]);
    }

    /// <summary>Whether the JSON may leave the member out (<c>JsonIgnoreCondition.WhenWritingDefault</c> or <c>WhenWritingNull</c>).</summary>
    public static bool IsSometimesLeftOut(ISymbol member, KnownTypes known) => IgnoreConditionOf(member, known) is 2 or 3;

    // JsonIgnoreCondition: Never (0), Always (1, the default), WhenWritingDefault (2), WhenWritingNull (3).
    private const int AlwaysIgnored = 1;

    private static ITypeSymbol? SerializedType(ISymbol member, KnownTypes known)
    {
        var included = KnownTypes.AttributeOf(member.GetAttributes(), known.JsonIncludeAttribute) is not null;
        return member switch
        {
            IPropertySymbol { IsIndexer: false, GetMethod: not null } property
                when included || (property.DeclaredAccessibility == Accessibility.Public && property.GetMethod.DeclaredAccessibility == Accessibility.Public)
                => property.Type,
            IFieldSymbol field when included => field.Type,
            _ => null,
        };
    }

    private static int? IgnoreConditionOf(ISymbol member, KnownTypes known) =>
        KnownTypes.AttributeOf(member.GetAttributes(), known.JsonIgnoreAttribute) is { } ignore
            ? ignore.NamedArguments.Where(n => n.Key == "Condition").Select(n => n.Value.Value as int?).FirstOrDefault() ?? AlwaysIgnored
            : null;
}
