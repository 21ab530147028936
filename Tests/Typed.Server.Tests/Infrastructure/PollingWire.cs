using System.Net;
using System.Text;
using Typed.Framing;

namespace Typed.Server.Tests.Infrastructure;

/// <summary>The xhr-polling side of the protocol spoken by hand, as the 2010 browser client does.</summary>
public sealed class PollingWire : IDisposable
{
    private readonly HttpClient _http;
    private readonly string? _origin;
    private long _timestamp = 1289345738670;

    public PollingWire(Uri baseUri, string? origin)
    {
        _http = new HttpClient { BaseAddress = baseUri, Timeout = Wait.Long };
        _origin = origin;
    }

    public string SessionId { get; private set; } = string.Empty;

    /// <summary>Opens a session as the 2010 client does (<c>/xhr-polling//{timestamp}</c>); returns what followed the handshake.</summary>
    public async Task<IReadOnlyList<Message>> OpenAsync(string path = "")
    {
        using var response = await GetAsync(path.Length > 0 ? path : $"/socket.io/xhr-polling//{NextTimestamp()}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = ServerFrame.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.True(Handshake.TryReadSessionId(messages[0], out var sessionId), "the first message is the handshake");
        SessionId = sessionId;
        return [.. messages.Skip(1)];
    }

    /// <summary>One poll: the messages of the frame it is answered with, none for an empty answer.</summary>
    public async Task<IReadOnlyList<Message>> PollAsync()
    {
        using var response = await PollRawAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        return body.Length == 0 ? [] : ServerFrame.Parse(body);
    }

    /// <summary>Polls until <paramref name="count"/> messages have arrived (idle polls answer empty).</summary>
    public async Task<IReadOnlyList<Message>> PollForAsync(int count)
    {
        var received = new List<Message>();
        while (received.Count < count)
        {
            received.AddRange(await PollAsync());
        }

        return received;
    }

    public Task<HttpResponseMessage> PollRawAsync() => GetAsync($"/socket.io/xhr-polling/{SessionId}/{NextTimestamp()}");

    public Task<HttpResponseMessage> GetAsync(string path) => _http.SendAsync(Request(HttpMethod.Get, path));

    /// <summary>Sends messages as the 2010 client does: a form POST with the payload in <c>data</c>.</summary>
    public Task<HttpResponseMessage> SendAsync(params Message[] messages) =>
        PostFormAsync("data=" + Uri.EscapeDataString(Encoding.UTF8.GetString(ClientPayload.Encode(messages))));

    public Task<HttpResponseMessage> PostFormAsync(string body, string? sessionId = null) =>
        PostAsync($"/socket.io/xhr-polling/{sessionId ?? SessionId}/send", new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded"));

    public Task<HttpResponseMessage> PostAsync(string path, HttpContent content)
    {
        var request = Request(HttpMethod.Post, path);
        request.Content = content;
        return _http.SendAsync(request);
    }

    public Task<HttpResponseMessage> SendRequestAsync(HttpMethod method, string path, Action<HttpRequestMessage>? adjust = null)
    {
        var request = Request(method, path);
        adjust?.Invoke(request);
        return _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        if (_origin is not null)
        {
            request.Headers.Add("Origin", _origin);
        }

        return request;
    }

    private long NextTimestamp() => Interlocked.Increment(ref _timestamp);
}
