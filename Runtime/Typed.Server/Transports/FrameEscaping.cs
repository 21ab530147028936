using System.Buffers;

namespace Typed.Server.Transports;

/// <summary>
/// Makes a frame's JSON safe inside the container a transport wraps it in, without changing the
/// value it stands for. Every byte replaced here can only occur inside a JSON string (or, for line
/// breaks, as white space between tokens), so the escaped JSON reads back to the same messages.
/// </summary>
internal static class FrameEscaping
{
    private static readonly SearchValues<byte> ScriptUnsafe = SearchValues.Create([(byte)'<', (byte)0xE2]);
    private static readonly SearchValues<byte> LineBreaks = SearchValues.Create([(byte)'\r', (byte)'\n']);

    /// <summary>
    /// For a <c>&lt;script&gt;</c> block: every <c>&lt;</c> becomes <c>\u003c</c>, so no message can
    /// close the script (<c>&lt;/script&gt;</c>) or open a comment (<c>&lt;!--</c>); U+2028 and U+2029
    /// become escapes, as old script engines end a line at them.
    /// </summary>
    public static void WriteScriptSafe(IBufferWriter<byte> output, ReadOnlySpan<byte> json)
    {
        while (!json.IsEmpty)
        {
            var next = json.IndexOfAny(ScriptUnsafe);
            if (next < 0)
            {
                output.Write(json);
                return;
            }

            output.Write(json[..next]);
            json = json[next..];
            if (json[0] == '<')
            {
                output.Write("\\u003c"u8);
                json = json[1..];
            }
            else if (json.Length >= 3 && json[1] == 0x80 && json[2] is 0xA8 or 0xA9)
            {
                output.Write(json[2] == 0xA8 ? "\\u2028"u8 : "\\u2029"u8);
                json = json[3..];
            }
            else
            {
                output.Write(json[..1]);
                json = json[1..];
            }
        }
    }

    /// <summary>
    /// For line-framed containers (an event stream's <c>data:</c> line, a multipart part that ends at
    /// a line break): raw line breaks, which JSON only allows as white space, become spaces.
    /// </summary>
    public static void WriteSingleLine(IBufferWriter<byte> output, ReadOnlySpan<byte> json)
    {
        while (!json.IsEmpty)
        {
            var next = json.IndexOfAny(LineBreaks);
            if (next < 0)
            {
                output.Write(json);
                return;
            }

            output.Write(json[..next]);
            output.Write(" "u8);
            json = json[(next + 1)..];
        }
    }
}
