using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Typed.Server.Flash;

/// <summary>
/// What the application's own listening addresses (<c>http://127.0.0.1:5055</c>,
/// <c>http://[::]:80</c>, <c>http://localhost:5000</c>) mean for the Flash policy: the IP
/// addresses its listener binds, and the <c>host:port</c> origins its default policy admits.
/// </summary>
internal static class FlashPolicyBindings
{
    /// <summary>
    /// The addresses the policy listener binds by default: those of the application, so a
    /// loopback app gets a loopback listener. Any wildcard binding makes it one wildcard, which
    /// covers the rest (and binding both would collide).
    /// </summary>
    public static IReadOnlyList<IPAddress> ListenAddresses(IEnumerable<string> appAddresses)
    {
        var addresses = appAddresses.Select(Parse).OfType<(string Host, int Port)>()
            .SelectMany(a => IpAddressesOf(a.Host)).Distinct().ToList();
        if (addresses.Contains(IPAddress.IPv6Any) && Socket.OSSupportsIPv6)
        {
            return [IPAddress.IPv6Any];
        }

        if (addresses.Contains(IPAddress.IPv6Any) || addresses.Contains(IPAddress.Any))
        {
            return [IPAddress.Any];
        }

        return [.. addresses.Where(a => a.AddressFamily != AddressFamily.InterNetworkV6 || Socket.OSSupportsIPv6)];
    }

    /// <summary>
    /// The origins the default policy admits, as the default origin policy does: the app's own,
    /// under each name a page from it can have. A loopback app is reached as <c>localhost</c> or
    /// by its address; an app on every interface answers under any name, so any domain, but only
    /// to its own ports.
    /// </summary>
    public static IReadOnlyList<string> OwnOrigins(IEnumerable<string> appAddresses) =>
        [.. appAddresses.Select(Parse).OfType<(string Host, int Port)>()
            .SelectMany(a => DomainsOf(a.Host).Select(domain => domain + ":" + a.Port.ToString(CultureInfo.InvariantCulture)))
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    private static IEnumerable<IPAddress> IpAddressesOf(string host)
    {
        if (IsLocalhost(host))
        {
            return [IPAddress.Loopback, IPAddress.IPv6Loopback];
        }

        // Kestrel binds every interface for "*", "+" and host names.
        return [IPAddress.TryParse(host.Trim('[', ']'), out var ip) ? ip : IPAddress.IPv6Any];
    }

    private static IEnumerable<string> DomainsOf(string host)
    {
        if (IsLocalhost(host))
        {
            return ["localhost", "127.0.0.1", "[::1]"];
        }

        if (!IPAddress.TryParse(host.Trim('[', ']'), out var ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))
        {
            return ["*"];
        }

        var literal = ip.AddressFamily == AddressFamily.InterNetworkV6 ? "[" + ip + "]" : ip.ToString();
        return IPAddress.IsLoopback(ip) ? [literal, "localhost"] : [literal];
    }

    private static bool IsLocalhost(string host) => string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase);

    /// <summary>The host and port of <c>scheme://host:port[/path]</c>, as Kestrel reports its addresses.</summary>
    private static (string Host, int Port)? Parse(string address)
    {
        var start = address.IndexOf("://", StringComparison.Ordinal);
        var authority = start < 0 ? address : address[(start + 3)..];
        var slash = authority.IndexOf('/', StringComparison.Ordinal);
        authority = slash < 0 ? authority : authority[..slash];
        var colon = authority.LastIndexOf(':');
        if (colon < 0 || colon < authority.LastIndexOf(']')
            || !int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return null;
        }

        return (authority[..colon], port);
    }
}
