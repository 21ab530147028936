namespace Typed.Generators.Model;

/// <summary>
/// One of the application's own types as a page sees it: the TypeScript interface that mirrors
/// its JSON, under the same namespace as the C# type.
/// </summary>
/// <param name="CSharpName">The fully qualified C# name, as <see cref="TypeModel.Name"/> spells it (without <c>?</c>).</param>
/// <param name="Namespace">The TypeScript namespace (the C# one, or <c>Contracts</c> for the global namespace).</param>
/// <param name="Name">The TypeScript interface name (nested types joined with <c>_</c>).</param>
internal sealed record DeclaredTypeModel(string CSharpName, string Namespace, string Name, EquatableArray<DeclaredPropertyModel> Properties)
{
    public string QualifiedName => Namespace + "." + Name;
}

/// <summary>A property by its name in the JSON, with its type; optional when the JSON may leave it out.</summary>
internal sealed record DeclaredPropertyModel(string JsonName, TypeModel Type, bool Optional);
