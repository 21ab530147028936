using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Legacy;

/// <summary><c>{ message: [sessionId, text] }</c>: someone said something.</summary>
public sealed record Said([property: JsonPropertyName("message")] string[] Message);

/// <summary><c>{ announcement: "... connected" }</c>: someone came or went.</summary>
public sealed record Announcement([property: JsonPropertyName("announcement")] string Text);

/// <summary><c>{ buffer: [...] }</c>: what was said lately, sent on connecting.</summary>
public sealed record Buffer([property: JsonPropertyName("buffer")] Said[] Messages);

/// <summary>The demo's JSON, made without reflection.</summary>
[JsonSerializable(typeof(Said))]
[JsonSerializable(typeof(Announcement))]
[JsonSerializable(typeof(Buffer))]
internal sealed partial class LegacyJson : JsonSerializerContext
{
    /// <summary>
    /// Writes texts as they are, without <c>\u0022</c>-style escapes: they are read by
    /// <c>JSON.parse</c>, never put into HTML, and the server escapes each frame for its transport.
    /// </summary>
    public static LegacyJson Plain { get; } = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
