using System.ComponentModel;
using System.Text.Json;

namespace Typed.Events.Generated;

/// <summary>An event as it arrived: its name, its arguments, and its id when it expects an answer.</summary>
/// <remarks>For generated code: applications need not name it, and it may change without notice.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct IncomingEvent(string Name, JsonElement Args, long? Id)
{
    /// <summary>How many arguments arrived (the sender may have sent fewer or more than the handler takes).</summary>
    public int Count => Args.GetArrayLength();

    /// <summary>The argument at <paramref name="index"/>; a missing one reads as JSON null.</summary>
    public JsonElement Arg(int index) => index < Count ? Args[index] : EventJson.Null;
}
