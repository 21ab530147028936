namespace Typed.Generators.Model;

/// <summary>Everything the emitter needs about one <c>[Events]</c> interface, and nothing Roslyn.</summary>
internal sealed record ContractModel(
    string Namespace,
    string InterfaceName,
    string FullyQualifiedName,
    string ClassName,
    string Accessibility,
    string? JsonContext,
    EquatableArray<EventModel> Events,
    EquatableArray<string> CustomTypes,
    EquatableArray<DeclaredTypeModel> DeclaredTypes)
{
    public string HintName => (Namespace.Length == 0 ? InterfaceName : Namespace + "." + InterfaceName) + ".Events.g.cs";
}
