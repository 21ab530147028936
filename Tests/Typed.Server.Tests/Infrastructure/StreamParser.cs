using System.Text;

namespace Typed.Server.Tests.Infrastructure;

/// <summary>
/// Splits a kept-open HTTP response into what it carries: frames (their JSON) and heartbeats
/// (null). Fed bytes as they arrive; keeps what is not complete yet.
/// </summary>
public abstract class StreamParser
{
    private readonly List<byte> _buffer = [];

    /// <summary>Everything received so far, for tests that look at the raw bytes.</summary>
    public StringBuilder Raw { get; } = new();

    public IEnumerable<byte[]?> Feed(ReadOnlySpan<byte> bytes)
    {
        Raw.Append(Encoding.UTF8.GetString(bytes));
        _buffer.AddRange(bytes);
        var items = new List<byte[]?>();
        while (TryTake(_buffer.ToArray(), out var consumed, out var item))
        {
            _buffer.RemoveRange(0, consumed);
            if (!ReferenceEquals(item, Skip))
            {
                items.Add(item);
            }
        }

        return items;
    }

    public static StreamParser For(string transport, bool legacyEvents = false) => transport switch
    {
        TransportNames.ServerEvents => new EventStreamParser(legacyEvents),
        TransportNames.HtmlFile => new HtmlFileParser(),
        TransportNames.XhrMultipart => new MultipartParser(),
        _ => throw new ArgumentOutOfRangeException(nameof(transport)),
    };

    /// <summary>Marks a piece that is neither a frame nor a heartbeat (a preamble).</summary>
    protected static readonly byte[] Skip = [];

    /// <summary>Takes one complete item from the front of <paramref name="buffer"/>, if there is one.</summary>
    protected abstract bool TryTake(byte[] buffer, out int consumed, out byte[]? item);

    protected static int IndexOf(byte[] buffer, string text, int from = 0) =>
        buffer.AsSpan(from).IndexOf(Encoding.UTF8.GetBytes(text)) is var i and >= 0 ? i + from : -1;

    protected static bool StartsWith(byte[] buffer, string text) => buffer.AsSpan().StartsWith(Encoding.UTF8.GetBytes(text));

    private sealed class EventStreamParser(bool legacy) : StreamParser
    {
        protected override bool TryTake(byte[] buffer, out int consumed, out byte[]? item)
        {
            item = null;
            var end = IndexOf(buffer, "\n\n");
            consumed = end + 2;
            if (end < 0)
            {
                return false;
            }

            var lines = Encoding.UTF8.GetString(buffer, 0, end).Split('\n');
            if (lines.All(line => line.StartsWith(':')))
            {
                return true; // a comment: the heartbeat
            }

            Assert.Equal(legacy, lines[0] == "Event: socket.io");
            var data = lines.Where(line => line.StartsWith("data: ", StringComparison.Ordinal)).Select(line => line[6..]);
            item = Encoding.UTF8.GetBytes(string.Join('\n', data));
            return true;
        }
    }

    private sealed class HtmlFileParser : StreamParser
    {
        private const string Open = "<script>parent.s._(";
        private const string Close = ", document);</script>";
        private const string Beat = "<!-- heartbeat -->";
        private bool _started;

        protected override bool TryTake(byte[] buffer, out int consumed, out byte[]? item)
        {
            item = null;
            consumed = 0;
            if (!_started)
            {
                var firstTag = IndexOf(buffer, "<", "<html><body>".Length);
                if (!StartsWith(buffer, "<html><body>") || firstTag < 0)
                {
                    return false;
                }

                Assert.True(firstTag - "<html><body>".Length >= 240, "the page is padded before the first frame");
                _started = true;
                consumed = firstTag;
                item = Skip;
                return true;
            }

            if (StartsWith(buffer, Beat))
            {
                consumed = Beat.Length;
                return true;
            }

            var end = IndexOf(buffer, Close);
            if (!StartsWith(buffer, Open) || end < 0)
            {
                return false;
            }

            item = buffer[Open.Length..end];
            consumed = end + Close.Length;
            return true;
        }
    }

    private sealed class MultipartParser : StreamParser
    {
        private const string Boundary = "--socketio\n";
        private bool _started;

        protected override bool TryTake(byte[] buffer, out int consumed, out byte[]? item)
        {
            item = null;
            consumed = 0;
            if (!_started)
            {
                if (buffer.Length < Boundary.Length)
                {
                    return false;
                }

                Assert.True(StartsWith(buffer, Boundary), "the body starts with the boundary");
                _started = true;
                consumed = Boundary.Length;
                item = Skip;
                return true;
            }

            var headersEnd = IndexOf(buffer, "\n\n");
            var partEnd = headersEnd < 0 ? -1 : IndexOf(buffer, "\n" + Boundary, headersEnd + 2);
            if (partEnd < 0)
            {
                return false;
            }

            var headers = Encoding.ASCII.GetString(buffer, 0, headersEnd);
            var body = buffer[(headersEnd + 2)..partEnd];
            consumed = partEnd + 1 + Boundary.Length;
            if (body is [6])
            {
                Assert.Equal("Content-Type: text/plain; charset=us-ascii", headers);
                return true;
            }

            Assert.Equal("Content-Type: text/plain", headers);
            item = body;
            return true;
        }
    }
}
