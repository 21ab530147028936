namespace Typed.Generators.Model;

/// <summary>How an argument or result type is encoded.</summary>
internal enum TypeShape
{
    /// <summary>A type <c>EventJson</c> has a method for (string, numbers, Guid, DateTime...).</summary>
    Primitive,
    Enum,
    NullableValue,
    Array,
    List,
    Dictionary,

    /// <summary>The application's own type, encoded through the contract's serializer context.</summary>
    Custom,

    /// <summary>Nothing can encode it (no serializer context for a custom type, say).</summary>
    Unsupported,
}

/// <summary>
/// A type as the emitter needs it: its shape, its fully qualified name (with nullable
/// annotations), the <c>EventJson</c> method suffix for primitives, and its element for containers.
/// </summary>
internal sealed record TypeModel(TypeShape Shape, string Name, string Suffix, TypeModel? Element, bool IsNullableReference);
