using System.Text;

namespace Typed.Generators.Emitting;

/// <summary>Indented source text: generated code is meant to be read.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;

    public void Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _depth * 4);
        }

        _text.Append(line).Append('\n');
    }

    public void Open()
    {
        Line("{");
        _depth++;
    }

    public void Close() => CloseWith("}");

    public void CloseWith(string line)
    {
        _depth--;
        Line(line);
    }

    /// <summary>The spaces that start a line <paramref name="extra"/> levels deeper than the current one.</summary>
    public string Indentation(int extra) => new(' ', (_depth + extra) * 4);

    public void Indent() => _depth++;

    public void Outdent() => _depth--;

    public override string ToString() => _text.ToString();
}
