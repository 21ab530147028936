namespace Chat.Client;

/// <summary>The whisper command, as the page reads it: <c>/w name text</c>.</summary>
internal static class Whisper
{
    /// <summary>The whisper's recipient and text, or null for a line that is not a whisper.</summary>
    public static (string To, string Text)? Parse(string line)
    {
        if (!line.StartsWith("/w ", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = line[3..].TrimStart();
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && rest[(space + 1)..].TrimStart() is { Length: > 0 } text ? (rest[..space], text) : null;
    }
}
