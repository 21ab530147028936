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
    private const string IgnoreAttribute = "System.Text.Json.Serialization.JsonIgnoreAttribute";
    private const string IncludeAttribute = "System.Text.Json.Serialization.JsonIncludeAttribute";

    public static IEnumerable<(ISymbol Member, ITypeSymbol Type)> Of(ITypeSymbol type)
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
            if (member.IsStatic || member.IsImplicitlyDeclared || IgnoreConditionOf(member) == AlwaysIgnored
                || SerializedType(member) is not { } memberType)
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
    public static bool IsSometimesLeftOut(ISymbol member) => IgnoreConditionOf(member) is 2 or 3;

    // JsonIgnoreCondition: Never (0), Always (1, the default), WhenWritingDefault (2), WhenWritingNull (3).
    private const int AlwaysIgnored = 1;

    private static ITypeSymbol? SerializedType(ISymbol member)
    {
        var included = member.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == IncludeAttribute);
        return member switch
        {
            IPropertySymbol { IsIndexer: false, GetMethod: not null } property
                when included || (property.DeclaredAccessibility == Accessibility.Public && property.GetMethod.DeclaredAccessibility == Accessibility.Public)
                => property.Type,
            IFieldSymbol field when included => field.Type,
            _ => null,
        };
    }

    private static int? IgnoreConditionOf(ISymbol member) =>
        member.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == IgnoreAttribute)
            .Select(a => a.NamedArguments.Where(n => n.Key == "Condition").Select(n => n.Value.Value as int?).FirstOrDefault() ?? AlwaysIgnored)
            .Cast<int?>()
            .FirstOrDefault();
}
