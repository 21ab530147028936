using Typed.Framing;

namespace Typed.Client.Transports;

/// <summary>
/// How long each kind of request may go unanswered before it is taken for hung (a proxy that
/// accepted it and will never answer) and replaced. Each bound comes from the server's own rhythm
/// where its handshake told it, so that a client that keeps trying replaces a hung request long
/// before the server gives its session up.
/// </summary>
internal static class HangBounds
{
    private static readonly TimeSpan MinimumMargin = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MinimumReattach = TimeSpan.FromSeconds(1);
    private const double UploadBytesPerSecond = 64 * 1024;

    /// <summary>
    /// The longest a downstream may stay silent: the server's heartbeat (or idle poll) and a
    /// margin of a fifth of it, at least 2 s, when that is within <paramref name="silenceTimeout"/>.
    /// </summary>
    public static TimeSpan Silence(TimeSpan silenceTimeout, SessionTiming? timing)
    {
        if (silenceTimeout == Timeout.InfiniteTimeSpan || timing is not { } told)
        {
            return silenceTimeout;
        }

        var margin = told.Heartbeat / 5 > MinimumMargin ? told.Heartbeat / 5 : MinimumMargin;
        var derived = told.Heartbeat + margin;
        return derived < silenceTimeout ? derived : silenceTimeout;
    }

    /// <summary>
    /// How long one attempt to reattach may take: a fifth of the session's timeout (at least a
    /// second), within <paramref name="connectTimeout"/>, so that three attempts in a row that
    /// hang, and the waits between them, still leave time for a fourth.
    /// </summary>
    public static TimeSpan Reattach(TimeSpan connectTimeout, SessionTiming? timing)
    {
        if (timing is not { } told)
        {
            return connectTimeout;
        }

        var fifth = told.Timeout / 5 > MinimumReattach ? told.Timeout / 5 : MinimumReattach;
        return fifth < connectTimeout ? fifth : connectTimeout;
    }

    /// <summary>
    /// The longest wait between attempts to reattach while the session may still be there (within
    /// its timeout of the connection's loss): a sixteenth of that timeout, so that failures (a
    /// network refusing for a moment) do not back off past the session's end; afterwards, <paramref name="backoff"/>.
    /// </summary>
    public static TimeSpan ReattachDelay(TimeSpan backoff, SessionTiming? timing, TimeSpan sinceLoss)
    {
        if (timing is not { } told || sinceLoss >= told.Timeout)
        {
            return backoff;
        }

        var ceiling = told.Timeout / 16;
        return backoff < ceiling ? backoff : ceiling;
    }

    /// <summary>How long an upload of <paramref name="bytes"/> may go unanswered: the request timeout, and a second per 64 KiB.</summary>
    public static TimeSpan Upload(TimeSpan requestTimeout, int bytes) =>
        requestTimeout + TimeSpan.FromSeconds(bytes / UploadBytesPerSecond);
}
