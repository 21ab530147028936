using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Typed.Server.Transports;

/// <summary>A request for a downstream, as the router hands it to a transport.</summary>
internal sealed class DownstreamRequest(
    HttpContext context,
    Listener listener,
    string transport,
    Client? existing,
    ResolvedTransportOptions options,
    ILogger logger)
{
    public HttpContext Context { get; } = context;

    public Listener Listener { get; } = listener;

    public ResolvedTransportOptions Options { get; } = options;

    public ILogger Logger { get; } = logger;

    /// <summary>The session asked for, or a new one when the path named none.</summary>
    public Client OpenSession() => existing ?? Listener.OpenSession(transport);

    /// <summary>
    /// Opens the session and attaches this request as its downstream; null, with a 404 written,
    /// when the session ended in the meantime.
    /// </summary>
    public async Task<Sessions.Downstream?> AttachAsync()
    {
        var downstream = OpenSession().Attach(Options.CloseTimeout);
        if (downstream is null)
        {
            await Http.HttpResponses.WriteErrorAsync(Context, StatusCodes.Status404NotFound, "the session is over");
        }

        return downstream;
    }
}
