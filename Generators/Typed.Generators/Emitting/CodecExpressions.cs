using Typed.Generators.Model;

namespace Typed.Generators.Emitting;

/// <summary>
/// The C# expressions that encode and decode one type with <c>EventJson</c>, nesting a static
/// lambda per container level (no captures, so no allocation per call).
/// </summary>
internal static class CodecExpressions
{
    private const string Json = "global::Typed.Events.Generated.EventJson";

    /// <summary>An expression statement writing <paramref name="value"/> to the writer <paramref name="writer"/>.</summary>
    public static string Write(TypeModel type, string writer, string value, int depth = 0)
    {
        var w = "__w" + depth;
        var v = "__v" + depth;
        return type.Shape switch
        {
            TypeShape.Primitive => $"{Json}.Write({writer}, {value})",
            TypeShape.Enum => $"{Json}.WriteEnum({writer}, {value})",
            TypeShape.NullableValue => $"{Json}.WriteNullable({writer}, {value}, static ({w}, {v}) => {Write(type.Element!, w, v, depth + 1)})",
            TypeShape.Array or TypeShape.List => $"{Json}.WriteArray({writer}, {value}, static ({w}, {v}) => {Write(type.Element!, w, v, depth + 1)})",
            TypeShape.Dictionary => $"{Json}.WriteDictionary({writer}, {value}, static ({w}, {v}) => {Write(type.Element!, w, v, depth + 1)})",
            TypeShape.Custom => $"{Json}.Write({writer}, {value}, {InfoField(type)})",
            _ => $"throw new global::System.NotSupportedException(\"{type.Name} cannot be encoded.\")",
        };
    }

    /// <summary>An expression reading the type from the <c>JsonElement</c> <paramref name="element"/>.</summary>
    public static string Read(TypeModel type, string element, int depth = 0)
    {
        var e = "__e" + depth;
        var bang = type.IsNullableReference ? "" : "!";
        return type.Shape switch
        {
            TypeShape.Primitive when type.Suffix is "String" or "Bytes" => $"{Json}.Read{type.Suffix}({element}){bang}",
            TypeShape.Primitive => $"{Json}.Read{type.Suffix}({element})",
            TypeShape.Enum => $"{Json}.ReadEnum<{type.Name}>({element})",
            TypeShape.NullableValue => $"{Json}.ReadNullable({element}, static {e} => {Read(type.Element!, e, depth + 1)})",
            TypeShape.Array => $"{Json}.ReadArray({element}, static {e} => {Read(type.Element!, e, depth + 1)}){bang}",
            TypeShape.List => $"{Json}.ReadList({element}, static {e} => {Read(type.Element!, e, depth + 1)}){bang}",
            TypeShape.Dictionary => $"{Json}.ReadDictionary({element}, static {e} => {Read(type.Element!, e, depth + 1)}){bang}",
            TypeShape.Custom => $"{Json}.Read({element}, {InfoField(type)}){bang}",
            _ => $"throw new global::System.NotSupportedException(\"{type.Name} cannot be decoded.\")",
        };
    }

    /// <summary>The generated static field holding the serializer context's type information for a custom type.</summary>
    public static string InfoField(TypeModel type) => InfoField(type.Name.TrimEnd('?'));

    public static string InfoField(string typeName)
    {
        var chars = typeName.Replace("global::", "").ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsLetterOrDigit(chars[i]))
            {
                chars[i] = '_';
            }
        }

        return "Info_" + new string(chars);
    }
}
