using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Typed.Server.Identity;
using Typed.Server.Sessions;

namespace Typed.Server.Transports;

/// <summary>A request for a downstream, as the router hands it to a transport.</summary>
internal sealed class DownstreamRequest(
    HttpContext context,
    Listener listener,
    string transport,
    Session? existing,
    ResolvedTransportOptions options,
    ILogger logger,
    IReadOnlyDictionary<string, Framing.IFrameCodec> codecs)
{
    /// <summary>A new session asks for acknowledged delivery with <c>?acks=1</c>.</summary>
    private bool AsksForAcknowledgedDelivery => Context.Request.Query["acks"] == "1";

    /// <summary>A reattaching client of acknowledged delivery says what it has received with <c>?ack=N</c>.</summary>
    private long? Acknowledgement =>
        long.TryParse(Context.Request.Query["ack"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ack) ? ack : null;

    public HttpContext Context { get; } = context;

    public Listener Listener { get; } = listener;

    public ResolvedTransportOptions Options { get; } = options;

    public ILogger Logger { get; } = logger;

    /// <summary>The binary codecs the server offers, by name.</summary>
    public IReadOnlyDictionary<string, Framing.IFrameCodec> Codecs { get; } = codecs;

    /// <summary>The session asked for, or a new one when the path named none.</summary>
    public Session OpenSession() => existing ?? Listener.OpenSession(transport, AsksForAcknowledgedDelivery, Options.Timing, SessionIdentity.Of(Context, Listener.Users));

    /// <summary>
    /// A reattaching client of this project asks with <c>?wait=0</c> for its first poll to be
    /// answered at once (empty when nothing is queued), so that a poll that hangs on the way shows
    /// within a connect timeout rather than a poll's duration.
    /// </summary>
    public bool AnswerAtOnce => Context.Request.Query["wait"] == "0";

    /// <summary>Attaches this request as the session's downstream; null when the session has ended.</summary>
    public Downstream? Attach(Session session) => session.Attach(Options.CloseTimeout, Acknowledgement);

    /// <summary>
    /// Opens the session and attaches this request as its downstream; null, with a 404 written,
    /// when the session ended in the meantime.
    /// </summary>
    public async Task<Downstream?> AttachAsync()
    {
        var downstream = Attach(OpenSession());
        if (downstream is null)
        {
            await Http.HttpResponses.WriteErrorAsync(Context, StatusCodes.Status404NotFound, "the session is over");
        }

        return downstream;
    }
}
