using System.Security;
using System.Text;

namespace Typed.Server.Flash;

/// <summary>
/// The Flash socket policy: the request Flash sends before it opens a socket, and the
/// <c>&lt;cross-domain-policy&gt;</c> document that answers it, one
/// <c>&lt;allow-access-from&gt;</c> per allowed <c>host:port</c> origin, ended by a NUL.
/// </summary>
internal static class FlashPolicy
{
    public static ReadOnlySpan<byte> Request => "<policy-file-request/>\0"u8;

    public static byte[] BuildDocument(IEnumerable<string> origins)
    {
        var document = new StringBuilder()
            .Append("<?xml version=\"1.0\"?>\n")
            .Append("<!DOCTYPE cross-domain-policy SYSTEM \"http://www.macromedia.com/xml/dtds/cross-domain-policy.dtd\">\n")
            .Append("<cross-domain-policy>\n");
        foreach (var origin in origins)
        {
            var separator = origin.LastIndexOf(':');
            var domain = separator < 0 ? origin : origin[..separator];
            var ports = separator < 0 ? "*" : origin[(separator + 1)..];
            document.Append("<allow-access-from domain=\"").Append(SecurityElement.Escape(domain.Trim()))
                .Append("\" to-ports=\"").Append(SecurityElement.Escape(ports.Trim())).Append("\"/>\n");
        }

        document.Append("</cross-domain-policy>\n").Append('\0');
        return Encoding.UTF8.GetBytes(document.ToString());
    }
}
