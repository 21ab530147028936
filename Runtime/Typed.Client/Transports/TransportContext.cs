using System.Globalization;
using System.Text;

namespace Typed.Client.Transports;

/// <summary>What every transport of one socket shares: the server's address, the HTTP stack, the options.</summary>
internal sealed class TransportContext(Uri server, SocketOptions options, HttpClient http, HttpMessageInvoker invoker)
{
    private const string Authorization = "Authorization";
    private string? _accessToken;
    private string? _httpOrigin;
    private string? _webSocketOrigin;
    private string? _resourcePath;
    private SendAddress? _lastSend;

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
        // Built as one string: a poll makes one of these per round trip.
        var address = new StringBuilder(webSocket ? WebSocketOrigin : HttpOrigin).Append(ResourcePath).Append(transport);
        if (sessionId is not null || timestamp)
        {
            address.Append('/').Append(sessionId);
        }

        if (timestamp)
        {
            address.Append('/').Append(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        }

        var query = false;
        if (sessionId is null && Options.AcknowledgedDelivery)
        {
            Parameter(address, ref query, "acks=1");
        }

        if (sessionId is not null && ack is { } n)
        {
            Parameter(address, ref query, "ack=" + n.ToString(CultureInfo.InvariantCulture));
        }

        if (answerAtOnce)
        {
            Parameter(address, ref query, "wait=0");
        }

        if (webSocket && Options.FrameCodec is { } codec)
        {
            Parameter(address, ref query, "codec=" + Uri.EscapeDataString(codec.Name));
        }

        return new Uri(address.ToString());
    }

    // No closure: a poll builds one of these per round trip.
    private static void Parameter(StringBuilder address, ref bool query, string text)
    {
        address.Append(query ? '&' : '?').Append(text);
        query = true;
    }

    /// <summary>Where uploads go; the same address for every upload of a session, made once.</summary>
    public Uri Send(string transport, string sessionId)
    {
        var last = Volatile.Read(ref _lastSend);
        if (last is not null && last.Transport == transport && last.SessionId == sessionId)
        {
            return last.Address;
        }

        var address = Upstream(transport, sessionId, "send");
        Volatile.Write(ref _lastSend, new SendAddress(transport, sessionId, address));
        return address;
    }

    /// <summary>Where an HTTP transport says the session is over.</summary>
    public Uri Leave(string transport, string sessionId) => Upstream(transport, sessionId, "leave");

    private Uri Upstream(string transport, string sessionId, string verb) =>
        new($"{HttpOrigin}{ResourcePath}{transport}/{sessionId}/{verb}");

    /// <summary><c>http(s)://host:port</c>.</summary>
    private string HttpOrigin => _httpOrigin ??= Server.GetLeftPart(UriPartial.Authority);

    /// <summary><c>ws(s)://host:port</c>.</summary>
    private string WebSocketOrigin => _webSocketOrigin ??= (Server.Scheme == Uri.UriSchemeHttps ? "wss" : "ws") + HttpOrigin[Server.Scheme.Length..];

    /// <summary><c>/{resource}/</c>.</summary>
    private string ResourcePath => _resourcePath ??= "/" + Options.Resource.Trim('/') + "/";

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

    private sealed record SendAddress(string Transport, string SessionId, Uri Address);
}
