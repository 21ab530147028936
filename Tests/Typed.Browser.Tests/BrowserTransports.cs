namespace Typed.Browser.Tests;

/// <summary>The transports a browser of today can use, in the client's default order (no Flash).</summary>
public static class BrowserTransports
{
    public static readonly string[] Names = ["websocket", "server-events", "htmlfile", "xhr-multipart", "xhr-polling"];

    public static TheoryData<string> All() => [.. Names];
}
