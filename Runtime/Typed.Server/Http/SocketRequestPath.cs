namespace Typed.Server.Http;

/// <summary>
/// A request path under the resource: <c>/{resource}/{transport}[/{sessionid}[/{anything}]]</c>.
/// The session segment may be empty (<c>/xhr-polling//1289345738670</c> opens a new session),
/// which is why the path is split by hand rather than by a router that would fold the slashes.
/// </summary>
internal readonly record struct SocketRequestPath(string Transport, string SessionId, string Rest)
{
    public bool IsNewSession => SessionId.Length == 0;

    public bool IsSend => Rest == "send";

    public bool IsLeave => Rest == "leave";

    public static bool TryParse(string path, string resource, out SocketRequestPath parsed)
    {
        parsed = default;
        var prefix = "/" + resource.Trim('/');
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var remainder = path.AsSpan(prefix.Length);
        if (remainder.IsEmpty || remainder[0] != '/')
        {
            return false;
        }

        remainder = remainder[1..];
        var transportEnd = remainder.IndexOf('/');
        if (transportEnd < 0)
        {
            parsed = new SocketRequestPath(remainder.ToString(), string.Empty, string.Empty);
            return parsed.Transport.Length > 0;
        }

        var transport = remainder[..transportEnd].ToString();
        remainder = remainder[(transportEnd + 1)..];
        var sessionEnd = remainder.IndexOf('/');
        var sessionId = sessionEnd < 0 ? remainder : remainder[..sessionEnd];
        var rest = sessionEnd < 0 ? ReadOnlySpan<char>.Empty : remainder[(sessionEnd + 1)..];
        parsed = new SocketRequestPath(transport, sessionId.ToString(), rest.ToString());
        return transport.Length > 0;
    }
}
