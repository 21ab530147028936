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
    /// How long one attempt to reattach may take: a quarter of the session's timeout (at least a
    /// second), so that a hung attempt and the next ones still fit in it, within <paramref name="connectTimeout"/>.
    /// </summary>
    public static TimeSpan Reattach(TimeSpan connectTimeout, SessionTiming? timing)
    {
        if (timing is not { } told)
        {
            return connectTimeout;
        }

        var quarter = told.Timeout / 4 > MinimumReattach ? told.Timeout / 4 : MinimumReattach;
        return quarter < connectTimeout ? quarter : connectTimeout;
    }

    /// <summary>How long an upload of <paramref name="bytes"/> may go unanswered: the request timeout, and a second per 64 KiB.</summary>
    public static TimeSpan Upload(TimeSpan requestTimeout, int bytes) =>
        requestTimeout + TimeSpan.FromSeconds(bytes / UploadBytesPerSecond);
}
