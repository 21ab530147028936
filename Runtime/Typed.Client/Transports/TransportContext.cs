using System.Globalization;
using System.Text;

namespace Typed.Client.Transports;

/// <summary>What every transport of one socket shares: the server's address, the HTTP stack, the options.</summary>
internal sealed class TransportContext(Uri server, SocketOptions options, HttpClient http, HttpMessageInvoker invoker)
{
    private const string Authorization = "Authorization";
    private string? _accessToken;

    /// <summary>The server's base address, <c>http(s)://host:port</c>.</summary>
    public Uri Server { get; } = server;

    public SocketOptions Options { get; } = options;

    public HttpClient Http { get; } = http;

    /// <summary>The same handler as <see cref="Http"/>, for WebSocket upgrades.</summary>
    public HttpMessageInvoker Invoker { get; } = invoker;

    /// <summary>
    /// The downstream address: a new session (<paramref name="sessionId"/> null) asks for acknowledged
    /// delivery when configured; a reattaching one says what it has received. A poll with
    /// <paramref name="answerAtOnce"/> asks (<c>?wait=0</c>) to be answered at once, empty when nothing is queued.
    /// </summary>
    public Uri Downstream(string transport, string? sessionId, long? ack, bool webSocket, bool timestamp = false, bool answerAtOnce = false)
    {
        var path = new StringBuilder().Append('/').Append(Options.Resource.Trim('/')).Append('/').Append(transport);
        if (sessionId is not null || timestamp)
        {
            path.Append('/').Append(sessionId);
        }

        if (timestamp)
        {
            path.Append('/').Append(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        }

        var parameters = new List<string>();
        if (sessionId is null && Options.AcknowledgedDelivery)
        {
            parameters.Add("acks=1");
        }

        if (sessionId is not null && ack is { } n)
        {
            parameters.Add("ack=" + n.ToString(CultureInfo.InvariantCulture));
        }

        if (answerAtOnce)
        {
            parameters.Add("wait=0");
        }

        if (webSocket && Options.FrameCodec is { } codec)
        {
            parameters.Add("codec=" + Uri.EscapeDataString(codec.Name));
        }

        var query = string.Join('&', parameters);
        var builder = new UriBuilder(Server) { Path = path.ToString(), Query = query };
        if (webSocket)
        {
            builder.Scheme = Server.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
        }

        return builder.Uri;
    }

    public Uri Send(string transport, string sessionId) => Upstream(transport, sessionId, "send");

    /// <summary>Where an HTTP transport says the session is over.</summary>
    public Uri Leave(string transport, string sessionId) => Upstream(transport, sessionId, "leave");

    private Uri Upstream(string transport, string sessionId, string verb) =>
        new(Server, $"/{Options.Resource.Trim('/')}/{transport}/{sessionId}/{verb}");

    /// <summary>
    /// The token <see cref="SocketOptions.AccessTokenProvider"/> last gave: every request from then
    /// on carries it, an upload of the connection before as well as the next connection's.
    /// </summary>
    public string? AccessToken
    {
        get => Volatile.Read(ref _accessToken);
        set => Volatile.Write(ref _accessToken, value);
    }

    public HttpRequestMessage Request(HttpMethod method, Uri uri)
    {
        var request = new HttpRequestMessage(method, uri);
        foreach (var (name, value) in Headers())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    /// <summary>What every request and WebSocket upgrade carries: the configured headers, the access token in place of theirs.</summary>
    public IEnumerable<KeyValuePair<string, string>> Headers()
    {
        var token = AccessToken is { Length: > 0 } given ? given : null;
        foreach (var header in Options.Headers)
        {
            if (token is null || !string.Equals(header.Key, Authorization, StringComparison.OrdinalIgnoreCase))
            {
                yield return header;
            }
        }

        if (token is not null)
        {
            yield return new(Authorization, "Bearer " + token);
        }
    }

    public TimeSpan ConnectTimeout(string transport) => Options.For(transport).ConnectTimeout ?? Options.ConnectTimeout;
}
