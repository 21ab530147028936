namespace Typed.Testing;

/// <summary>Strings that a careless protocol would alter, for every test of "exactly as sent".</summary>
public static class StringGallery
{
    public static IReadOnlyList<string> Texts { get; } =
    [
        "hello",
        "\"quoted\" and 'single'",
        @"back\slash \\ \n not a newline",
        "line one\nline two\r\n\ttabbed",
        "emoji 😀👍🏽 and astral 𝄞",
        "separators \u2028 and \u2029",
        "{\"sessionid\":\"x\"}",
        "[1,2,3]",
        "</script><script>alert(1)</script> <!-- --socketio\n--socketio",
        "",
        new string('x', 64 * 1024),
    ];
}
