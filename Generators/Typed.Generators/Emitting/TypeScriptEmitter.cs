using System.Linq;
using System.Text;
using Typed.Generators.Model;

namespace Typed.Generators.Emitting;

/// <summary>
/// The TypeScript declaration of a contract, for pages: an interface in the contract's namespace
/// whose members are the events by their wire names.
/// </summary>
internal static class TypeScriptEmitter
{
    public static string Emit(ContractModel contract)
    {
        var text = new StringBuilder();
        var ns = contract.Namespace.Length == 0 ? "Contracts" : contract.Namespace;
        text.Append("declare namespace ").Append(ns).Append(" {\n");
        text.Append("  /** Events of ").Append(contract.InterfaceName).Append(". */\n");
        text.Append("  interface ").Append(contract.InterfaceName).Append(" {\n");
        foreach (var e in contract.Events)
        {
            var parameters = string.Join(", ", e.Parameters.Select(p => p.Name.TrimStart('@') + ": " + TypeOf(p.Type)));
            var result = e.Result is null ? "void" : "Promise<" + TypeOf(e.Result) + ">";
            text.Append("    ").Append(Key(e.EventName)).Append('(').Append(parameters).Append("): ").Append(result).Append(";\n");
        }

        return text.Append("  }\n}\n").ToString();
    }

    private static string TypeOf(TypeModel type)
    {
        var ts = type.Shape switch
        {
            TypeShape.Primitive => type.Suffix switch
            {
                "Boolean" => "boolean",
                "String" or "Char" or "DateTime" or "DateTimeOffset" or "Guid" or "TimeSpan" or "Bytes" => "string",
                _ => "number",
            },
            TypeShape.Enum => "number",
            TypeShape.NullableValue => TypeOf(type.Element!) + " | null",
            TypeShape.Array or TypeShape.List => "Array<" + TypeOf(type.Element!) + ">",
            TypeShape.Dictionary => "Record<string, " + TypeOf(type.Element!) + ">",
            _ => "Record<string, unknown>",
        };
        return type.IsNullableReference ? ts + " | null" : ts;
    }

    /// <summary>A member name, quoted when the wire name is not an identifier.</summary>
    private static string Key(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_')
            ? name
            : "\"" + name.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
