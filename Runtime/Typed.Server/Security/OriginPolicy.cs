using Microsoft.AspNetCore.Http;

namespace Typed.Server.Security;

/// <summary>
/// Decides whether a request's <c>Origin</c> may talk to the server, by the <c>origins</c> list
/// of <c>host:port</c> pairs (<c>*</c> on either side). An empty list allows only the server's
/// own origin. A request without <c>Origin</c> that a browser of today marks as coming from another
/// site (a frame navigated to the htmlfile stream) is judged by its <c>Referer</c> instead.
/// </summary>
internal sealed class OriginPolicy
{
    private readonly (string Host, string Port)[] _allowed;

    public OriginPolicy(IEnumerable<string> origins)
    {
        _allowed = [.. origins.Select(Parse)];
    }

    public OriginDecision Evaluate(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length != 0)
        {
            return Admits(request, origin) ? OriginDecision.Allowed : OriginDecision.Refused;
        }

        if (!IsFromAnotherSite(request))
        {
            // A same-origin navigation, an old browser, or a client that is not a browser.
            return OriginDecision.NoOrigin;
        }

        // No Referer (a no-referrer policy) says nothing of the site: judged as the "null" origin.
        var referer = request.Headers.Referer.ToString();
        return Admits(request, Uri.TryCreate(referer, UriKind.Absolute, out var from) ? from.GetLeftPart(UriPartial.Authority) : "null")
            ? OriginDecision.NoOrigin
            : OriginDecision.Refused;
    }

    /// <summary>Fetch metadata: the browser's own word that the request was started by another site's page.</summary>
    private static bool IsFromAnotherSite(HttpRequest request) =>
        request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site";

    private bool Admits(HttpRequest request, string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            // "null" (sandboxed frames, file: pages) and anything unparsable: only a wildcard admits it.
            return _allowed.Any(a => a is ("*", "*"));
        }

        var host = uri.IdnHost;
        var port = uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (_allowed.Length == 0)
        {
            return IsSameOrigin(request, uri);
        }

        foreach (var (allowedHost, allowedPort) in _allowed)
        {
            var hostMatches = allowedHost == "*" || string.Equals(allowedHost, host, StringComparison.OrdinalIgnoreCase);
            var portMatches = allowedPort == "*" || allowedPort == port;
            if (hostMatches && portMatches)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSameOrigin(HttpRequest request, Uri origin)
    {
        var host = request.Host;
        if (!host.HasValue)
        {
            return false;
        }

        var requestPort = host.Port ?? (request.IsHttps ? 443 : 80);
        return string.Equals(host.Host, origin.Host, StringComparison.OrdinalIgnoreCase)
            && requestPort == origin.Port
            && string.Equals(request.Scheme, origin.Scheme, StringComparison.OrdinalIgnoreCase);
    }

    private static (string Host, string Port) Parse(string entry)
    {
        var separator = entry.LastIndexOf(':');
        return separator < 0
            ? (entry.Trim(), "*")
            : (entry[..separator].Trim(), entry[(separator + 1)..].Trim());
    }
}

internal enum OriginDecision
{
    /// <summary>No <c>Origin</c> header: a same-origin GET, or a client that is not a browser.</summary>
    NoOrigin,
    Allowed,
    Refused,
}
