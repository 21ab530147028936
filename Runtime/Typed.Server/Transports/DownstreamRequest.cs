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
}
