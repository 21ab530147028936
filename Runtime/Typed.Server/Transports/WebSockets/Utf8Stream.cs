using System.Text.Unicode;

namespace Typed.Server.Transports.WebSockets;

/// <summary>
/// Checks that a text message is UTF-8 as it arrives in pieces: a piece may end inside a
/// character, whose first bytes wait here for the rest.
/// </summary>
internal struct Utf8Stream
{
    private uint _pending; // up to three bytes of an unfinished character, first byte lowest
    private int _pendingCount;

    /// <summary>False when the bytes so far cannot be UTF-8; at the end of the message no character may be unfinished.</summary>
    public bool Append(ReadOnlySpan<byte> piece, bool endOfMessage)
    {
        if (_pendingCount > 0)
        {
            // Finish the waiting character with the first bytes of this piece.
            Span<byte> character = stackalloc byte[4];
            for (var i = 0; i < _pendingCount; i++)
            {
                character[i] = (byte)(_pending >> (8 * i));
            }

            var needed = SequenceLength(character[0]);
            var take = Math.Min(needed - _pendingCount, piece.Length);
            piece[..take].CopyTo(character[_pendingCount..]);
            if (_pendingCount + take < needed)
            {
                // Still unfinished: the piece ended inside the character too.
                var begun = character[..(_pendingCount + take)];
                Keep(begun);
                return !endOfMessage && IsPrefixValid(begun);
            }

            if (!Utf8.IsValid(character[..needed]))
            {
                return false;
            }

            _pendingCount = 0;
            piece = piece[take..];
        }

        if (Utf8.IsValid(piece))
        {
            return true;
        }

        // Invalid as a whole: either truly, or because it ends inside a character.
        var tail = UnfinishedTail(piece);
        if (tail == 0 || endOfMessage || !Utf8.IsValid(piece[..^tail]) || !IsPrefixValid(piece[^tail..]))
        {
            return false;
        }

        Keep(piece[^tail..]);
        return true;
    }

    public void Reset() => _pendingCount = 0;

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        _pending = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            _pending |= (uint)bytes[i] << (8 * i);
        }

        _pendingCount = bytes.Length;
    }

    /// <summary>How many bytes at the end start a character that the piece does not finish (0 to 3).</summary>
    private static int UnfinishedTail(ReadOnlySpan<byte> piece)
    {
        for (var back = 1; back <= Math.Min(3, piece.Length); back++)
        {
            var b = piece[^back];
            if ((b & 0xC0) != 0x80)
            {
                // A lead byte: unfinished when its character is longer than what follows it.
                return SequenceLength(b) > back ? back : 0;
            }
        }

        return 0;
    }

    private static int SequenceLength(byte lead) => lead switch
    {
        < 0x80 => 1,
        >= 0xC2 and <= 0xDF => 2,
        >= 0xE0 and <= 0xEF => 3,
        >= 0xF0 and <= 0xF4 => 4,
        _ => 1, // not a lead byte: judged invalid on its own
    };

    /// <summary>Whether the bytes can begin a valid character (a lead byte and continuation bytes, within the ranges RFC 3629 allows).</summary>
    private static bool IsPrefixValid(ReadOnlySpan<byte> start)
    {
        var lead = start[0];
        if (SequenceLength(lead) < 2 || start.Length >= SequenceLength(lead))
        {
            return false; // not the start of a character still to be finished
        }

        for (var i = 1; i < start.Length; i++)
        {
            if ((start[i] & 0xC0) != 0x80)
            {
                return false;
            }
        }

        // The second byte's narrower ranges: no overlong forms, no surrogates, nothing past U+10FFFF.
        if (start.Length >= 2)
        {
            var second = start[1];
            if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) || (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F))
            {
                return false;
            }
        }

        return true;
    }
}
