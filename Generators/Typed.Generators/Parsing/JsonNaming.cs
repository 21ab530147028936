using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Typed.Generators.Parsing;

/// <summary>
/// The JSON names System.Text.Json gives properties: <c>[JsonPropertyName]</c>, else the naming
/// policy of the serializer context's <c>[JsonSourceGenerationOptions]</c>, with the algorithms
/// of System.Text.Json's own policies, so that the declarations match the wire.
/// </summary>
internal sealed class JsonNaming
{
    // System.Text.Json.Serialization.JsonKnownNamingPolicy.
    private const int CamelCase = 1, SnakeCaseLower = 2, SnakeCaseUpper = 3, KebabCaseLower = 4, KebabCaseUpper = 5;

    private readonly int _policy;
    private readonly KnownTypes _known;

    private JsonNaming(int policy, KnownTypes known)
    {
        _policy = policy;
        _known = known;
    }

    public static JsonNaming For(ITypeSymbol? jsonContext, KnownTypes known)
    {
        var options = jsonContext is null ? null : KnownTypes.AttributeOf(jsonContext.GetAttributes(), known.JsonSourceGenerationOptionsAttribute);
        if (options is null)
        {
            return new JsonNaming(0, known);
        }

        // JsonSerializerDefaults.Web (1) means camelCase unless a policy is named.
        var policy = options.ConstructorArguments.Length == 1 && options.ConstructorArguments[0].Value is 1 ? CamelCase : 0;
        foreach (var argument in options.NamedArguments)
        {
            if (argument.Key == "PropertyNamingPolicy" && argument.Value.Value is int named)
            {
                policy = named;
            }
        }

        return new JsonNaming(policy, known);
    }

    public string NameOf(ISymbol member)
    {
        var explicitName = KnownTypes.AttributeOf(member.GetAttributes(), _known.JsonPropertyNameAttribute)?.ConstructorArguments.FirstOrDefault().Value as string;
        return explicitName ?? _policy switch
        {
            CamelCase => ToCamelCase(member.Name),
            SnakeCaseLower => Separated(member.Name, '_', lowercase: true),
            SnakeCaseUpper => Separated(member.Name, '_', lowercase: false),
            KebabCaseLower => Separated(member.Name, '-', lowercase: true),
            KebabCaseUpper => Separated(member.Name, '-', lowercase: false),
            _ => member.Name,
        };
    }

    /// <summary>As <c>JsonNamingPolicy.CamelCase</c>: the leading run of capitals goes lower case.</summary>
    internal static string ToCamelCase(string name)
    {
        if (name.Length == 0 || !char.IsUpper(name[0]))
        {
            return name;
        }

        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i]))
            {
                break;
            }

            var hasNext = i + 1 < chars.Length;
            if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
            {
                if (chars[i + 1] == ' ')
                {
                    chars[i] = char.ToLowerInvariant(chars[i]);
                }

                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    /// <summary>As the snake and kebab policies: words split at case changes, joined by a separator.</summary>
    internal static string Separated(string name, char separator, bool lowercase)
    {
        var text = new StringBuilder(name.Length + 8);
        var state = Word.NotStarted;
        for (var i = 0; i < name.Length; i++)
        {
            var current = name[i];
            switch (CharUnicodeInfo.GetUnicodeCategory(current))
            {
                case UnicodeCategory.UppercaseLetter:
                    if (state is Word.LowercaseOrDigit or Word.Space
                        || (state == Word.Uppercase && i + 1 < name.Length && char.IsLower(name[i + 1])))
                    {
                        text.Append(separator);
                    }

                    text.Append(lowercase ? char.ToLowerInvariant(current) : current);
                    state = Word.Uppercase;
                    break;
                case UnicodeCategory.LowercaseLetter:
                case UnicodeCategory.DecimalDigitNumber:
                    if (state == Word.Space)
                    {
                        text.Append(separator);
                    }

                    text.Append(lowercase ? current : char.ToUpperInvariant(current));
                    state = Word.LowercaseOrDigit;
                    break;
                case UnicodeCategory.SpaceSeparator:
                    if (state != Word.NotStarted)
                    {
                        state = Word.Space;
                    }

                    break;
                default:
                    text.Append(current);
                    state = Word.NotStarted;
                    break;
            }
        }

        return text.ToString();
    }

    private enum Word
    {
        NotStarted,
        Uppercase,
        LowercaseOrDigit,
        Space,
    }
}
