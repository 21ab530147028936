using System.Collections.Concurrent;
using System.ComponentModel;

namespace Typed.Events.Generated;

/// <summary>
/// The TypeScript declarations of every event contract whose generated code has registered
/// itself, for the server to hand to web pages: one interface per contract, made by the source
/// generator from the same C# interface.
/// </summary>
/// <remarks>For generated code: applications need not name it, and it may change without notice.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EventDeclarations
{
    private static readonly ConcurrentDictionary<string, string> Declarations = new(StringComparer.Ordinal);

    /// <summary>Called by generated code.</summary>
    public static void Add(string contract, string typeScript) => Declarations[contract] = typeScript;

    /// <summary>Every registered contract's declaration, in a stable order.</summary>
    public static string All => string.Concat(Declarations.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Value));
}
