using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Typed.Client.Transports;

/// <summary>
/// <c>flashsocket</c>: as Flash did, it first asks the server's policy port whether this port may
/// be reached, then opens the same WebSocket as <c>websocket</c> under its own name. No policy, or
/// one that allows no access to the port, fails the transport, so the next one is tried.
/// </summary>
internal sealed partial class FlashSocketClientTransport(TransportContext context, IFrameSink sink) : WebSocketClientTransport(context, sink)
{
    private const int MaxPolicySize = 64 * 1024;

    public override string Name => TransportNames.FlashSocket;

    public override async Task OpenAsync(string? sessionId, CancellationToken cancellationToken)
    {
        if (sessionId is null)
        {
            var policy = await ReadPolicyAsync(cancellationToken);
            if (!Allows(policy, Context.Server.Port))
            {
                throw new IOException($"The Flash socket policy of {Context.Server.Host} does not allow port {Context.Server.Port}.");
            }
        }

        await base.OpenAsync(sessionId, cancellationToken);
    }

    private async Task<string> ReadPolicyAsync(CancellationToken cancellationToken)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Context.Server.Host, Context.Options.FlashPolicyPort, cancellationToken);
        var stream = tcp.GetStream();
        await stream.WriteAsync("<policy-file-request/>\0"u8.ToArray(), cancellationToken);
        var received = new MemoryStream();
        var buffer = new byte[4096];
        while (received.Length < MaxPolicySize)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }

            received.Write(buffer, 0, read);
            if (Array.IndexOf(buffer, (byte)0, 0, read) >= 0)
            {
                break;
            }
        }

        return Encoding.UTF8.GetString(received.GetBuffer(), 0, (int)received.Length);
    }

    /// <summary>Whether some <c>allow-access-from</c> lets any domain reach <paramref name="port"/> (a .NET client has no page domain).</summary>
    internal static bool Allows(string policy, int port)
    {
        if (!policy.EndsWith('\0'))
        {
            return false;
        }

        foreach (Match match in AllowAccess().Matches(policy))
        {
            foreach (var range in match.Groups["ports"].Value.Split(','))
            {
                var bounds = range.Trim().Split('-');
                if (bounds[0] == "*"
                    || (bounds.Length == 1 && int.TryParse(bounds[0], out var single) && single == port)
                    || (bounds.Length == 2 && int.TryParse(bounds[0], out var low) && int.TryParse(bounds[1], out var high) && low <= port && port <= high))
                {
                    return true;
                }
            }
        }

        return false;
    }

    [GeneratedRegex("<allow-access-from\\s+domain=\"[^\"]*\"\\s+to-ports=\"(?<ports>[^\"]*)\"\\s*/>")]
    private static partial Regex AllowAccess();
}
