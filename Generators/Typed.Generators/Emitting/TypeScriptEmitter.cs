using System.Collections.Generic;
using System.Linq;
using System.Text;
using Typed.Generators.Model;

namespace Typed.Generators.Emitting;

/// <summary>
/// The TypeScript declaration of a contract, for pages: an interface in the contract's namespace
/// whose members are the events by their wire names, and an interface for each of the
/// application's own types it carries, shaped as their JSON. (Interfaces declared twice by two
/// contracts merge in TypeScript, their members being the same.)
/// </summary>
internal static class TypeScriptEmitter
{
    public static string Emit(ContractModel contract)
    {
        var declared = contract.DeclaredTypes.ToDictionary(type => type.CSharpName, type => type.QualifiedName);
        var text = new StringBuilder();
        var ns = contract.Namespace.Length == 0 ? "Contracts" : contract.Namespace;
        text.Append("declare namespace ").Append(ns).Append(" {\n");
        text.Append("  /** Events of ").Append(contract.InterfaceName).Append(". */\n");
        text.Append("  interface ").Append(contract.InterfaceName).Append(" {\n");
        foreach (var e in contract.Events)
        {
            var parameters = string.Join(", ", e.Parameters.Select(p => p.Name.TrimStart('@') + ": " + TypeOf(p.Type, declared)));
            var result = e.Result is null ? "void" : "Promise<" + TypeOf(e.Result, declared) + ">";
            text.Append("    ").Append(Key(e.EventName)).Append('(').Append(parameters).Append("): ").Append(result).Append(";\n");
        }

        text.Append("  }\n}\n");
        foreach (var type in contract.DeclaredTypes)
        {
            text.Append("declare namespace ").Append(type.Namespace).Append(" {\n");
            text.Append("  interface ").Append(type.Name).Append(" {\n");
            foreach (var property in type.Properties)
            {
                text.Append("    ").Append(Key(property.JsonName)).Append(property.Optional ? "?: " : ": ").Append(TypeOf(property.Type, declared)).Append(";\n");
            }

            text.Append("  }\n}\n");
        }

        return text.ToString();
    }

    private static string TypeOf(TypeModel type, Dictionary<string, string> declared)
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
            TypeShape.NullableValue => TypeOf(type.Element!, declared) + " | null",
            TypeShape.Array or TypeShape.List => "Array<" + TypeOf(type.Element!, declared) + ">",
            TypeShape.Dictionary => "Record<string, " + TypeOf(type.Element!, declared) + ">",
            TypeShape.Custom when declared.TryGetValue(type.Name.TrimEnd('?'), out var name) => name,
            _ => "unknown",
        };
        return type.IsNullableReference ? ts + " | null" : ts;
    }

    /// <summary>A member name, quoted when the wire name is not an identifier.</summary>
    private static string Key(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_')
            ? name
            : "\"" + name.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
