using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Typed.Server.Identity;
using Typed.Server.Logging;
using Typed.Server.Sessions;
using Typed.Server.Security;
using Typed.Server.Transports;

namespace Typed.Server.Http;

/// <summary>
/// Every request under the resource: checks the transport, the origin and the method, answers
/// preflights and upstream POSTs, and hands downstream requests to their transport.
/// </summary>
internal sealed class SocketRequestHandler
{
    private readonly Listener _listener;
    private readonly string _resource;
    private readonly Dictionary<string, (IServerTransport Transport, ResolvedTransportOptions Options)> _transports;
    private readonly OriginPolicy _origins;
    private readonly HttpUpstream _upstream;
    private readonly ILogger _logger;

    private readonly Dictionary<string, Framing.IFrameCodec> _codecs;

    public SocketRequestHandler(Listener listener, IEnumerable<IServerTransport> transports, IEnumerable<Framing.IFrameCodec> codecs, ILogger<SocketRequestHandler> logger, string resource)
    {
        _codecs = codecs.ToDictionary(codec => codec.Name, StringComparer.Ordinal);
        _listener = listener;
        _resource = resource;
        _logger = logger;
        var options = listener.Options;
        var enabled = options.Transports;
        _transports = transports
            .Where(t => enabled is null || enabled.Contains(t.Name))
            .ToDictionary(
                t => t.Name,
                t => (t, t.Defaults(options).Override(options.TransportOptions.TryGetValue(t.Name, out var configured) ? configured : null, options.Timeout)),
                StringComparer.Ordinal);
        _origins = new OriginPolicy(options.Origins);
        _upstream = new HttpUpstream(options, logger);
    }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!SocketRequestPath.TryParse(request.Path.Value ?? string.Empty, _resource, out var path))
        {
            await RefuseAsync(context, StatusCodes.Status404NotFound, "no such transport");
            return;
        }

        var getOrHead = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        if (path is { Transport: Browser.BrowserClientScript.FileName or Browser.BrowserClientScript.DebugFileName, SessionId.Length: 0 } && getOrHead)
        {
            var script = path.Transport == Browser.BrowserClientScript.FileName ? Browser.BrowserClientScript.Instance : Browser.BrowserClientScript.Debug;
            await script.ServeAsync(context);
            return;
        }

        if (path is { Transport: Browser.BrowserDeclarations.FileName, SessionId.Length: 0 } && getOrHead)
        {
            await Browser.BrowserDeclarations.ServeAsync(context);
            return;
        }

        if (!_transports.TryGetValue(path.Transport, out var transport))
        {
            await RefuseAsync(context, StatusCodes.Status404NotFound, "no such transport");
            return;
        }

        var origin = _origins.Evaluate(request);
        if (origin == OriginDecision.Refused)
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "origin not allowed");
            return;
        }

        if (origin == OriginDecision.Allowed)
        {
            Cors.AllowOrigin(context.Response, request.Headers.Origin.ToString());
        }

        if (HttpMethods.IsOptions(request.Method))
        {
            Cors.AnswerPreflight(context);
            return;
        }

        if (HttpMethods.IsPost(request.Method))
        {
            await HandleUpstreamAsync(context, path);
            return;
        }

        var probe = HttpMethods.IsHead(request.Method);
        if (!HttpMethods.IsGet(request.Method) && !probe)
        {
            context.Response.Headers.Allow = "GET, HEAD, POST, OPTIONS";
            await RefuseAsync(context, StatusCodes.Status405MethodNotAllowed, "method not allowed");
            return;
        }

        if (path.IsNewSession && _listener.IsStopping)
        {
            await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, "the server is stopping");
            return;
        }

        Session? existing = null;
        if (!path.IsNewSession && !_listener.TryGetSession(path.SessionId, out existing))
        {
            // An old client re-polls at once whatever the answer: make it wait, not spin.
            await DelayAsync(context);
            await RefuseUnknownSessionAsync(context, path.SessionId);
            return;
        }

        if (existing is not null ? !await AdmitToSessionAsync(context, existing) : !probe && !await AdmitNewSessionAsync(context))
        {
            return;
        }

        if (probe)
        {
            // A HEAD asks whether a GET would be let in, and opens or attaches nothing: the browser
            // client asks it after a WebSocket, EventSource or iframe failed, since a browser hides
            // why those were refused (401 or 403, say).
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        await transport.Transport.HandleAsync(new DownstreamRequest(context, _listener, path.Transport, existing, transport.Options, _logger, _codecs));
    }

    private async Task HandleUpstreamAsync(HttpContext context, SocketRequestPath path)
    {
        if (!(path.IsSend || path.IsLeave) || path.IsNewSession)
        {
            await RefuseAsync(context, StatusCodes.Status404NotFound, "POST goes to /{transport}/{sessionid}/send or .../leave");
            return;
        }

        if (!_listener.TryGetSession(path.SessionId, out var session))
        {
            await RefuseUnknownSessionAsync(context, path.SessionId);
            return;
        }

        if (!await AdmitToSessionAsync(context, session))
        {
            return;
        }

        if (path.IsLeave)
        {
            // The client is done with the session: it ends now rather than after its timeout, once
            // what it sent before has been handled.
            await session.HandedOverAsync().WaitAsync(context.RequestAborted);
            session.End(DisconnectReason.ClientLeft);
            await HttpResponses.WriteOkAsync(context);
            return;
        }

        await _upstream.ReceiveAsync(context, session);
    }

    /// <summary>The application's admission checks, for a request that would open a session.</summary>
    private async Task<bool> AdmitNewSessionAsync(HttpContext context)
    {
        var admission = await _listener.AdmitAsync(context);
        if (admission.IsAdmitted)
        {
            return true;
        }

        Log.AdmissionRefused(_logger, admission.Status, admission.Reason!);
        await HttpResponses.WriteErrorAsync(context, admission.Status, admission.Reason!);
        return false;
    }

    /// <summary>
    /// A request of an open session must be its user's: 403 for anyone else (a leaked session id
    /// does not open another user's session), 401 once the session's authentication expired and
    /// the request brings none fresher. The session is not touched either way.
    /// </summary>
    private async Task<bool> AdmitToSessionAsync(HttpContext context, Session session)
    {
        if (!session.Identity.IsAuthenticated)
        {
            return true; // bound to nobody, as in 2010
        }

        var request = context.Request;
        var identity = SessionIdentity.Of(context, _listener.Users);
        switch (session.Admit(identity))
        {
            case RequestAdmission.OtherUser:
                Log.SessionOfAnotherUser(_logger, session.SessionId, request.Method, request.Path, identity.UserId ?? identity.User.Identity?.Name ?? "nobody");
                await HttpResponses.WriteErrorAsync(context, StatusCodes.Status403Forbidden, "the session belongs to another user");
                return false;
            case RequestAdmission.AuthenticationExpired:
                Log.ExpiredSessionRefused(_logger, session.SessionId, request.Method, request.Path);
                await HttpResponses.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "the session's authentication expired");
                return false;
            default:
                return true;
        }
    }

    private async Task DelayAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(_listener.Options.UnknownSessionDelay, _listener.Time, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up first.
        }
    }

    /// <summary>
    /// 404 for a session no node holds; 421 (misdirected) for one another node holds, so that a
    /// load balancer without sticky sessions shows up as what it is rather than as a new session.
    /// </summary>
    private async Task RefuseUnknownSessionAsync(HttpContext context, string sessionId)
    {
        string? node = null;
        try
        {
            node = await _listener.Cluster.NodeOfAsync(sessionId, context.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.ClusterLookupFailed(_logger, e, sessionId);
        }

        if (node is not null && node != _listener.Cluster.NodeId)
        {
            await RefuseAsync(context, StatusCodes.Status421MisdirectedRequest, "the session is held by another node; requests for a session must reach the node that opened it (sticky sessions)");
            return;
        }

        await RefuseAsync(context, StatusCodes.Status404NotFound, "unknown or expired session");
    }

    private Task RefuseAsync(HttpContext context, int status, string reason)
    {
        Log.RequestRefused(_logger, context.Request.Method, context.Request.Path, reason);
        return HttpResponses.WriteErrorAsync(context, status, reason);
    }
}
