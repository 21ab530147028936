using System.Net;
using Typed.Framing;

namespace Typed.Server.Tests.Infrastructure;

/// <summary>The xhr-polling side of the protocol spoken by hand, as the 2010 browser client does.</summary>
public sealed class PollingWire : TransportWire, IDisposable
{

    private readonly HttpClient _http;
    private readonly string? _origin;
    private long _timestamp = 1289345738670;

    public PollingWire(Uri baseUri, string? origin)
    {
        _http = new HttpClient { BaseAddress = baseUri, Timeout = Wait.Long };
        _origin = origin;
    }

    public override string Transport => TransportNames.XhrPolling;

    public override void SetHeader(string name, string value) => HttpHeaders.Set(_http, name, value);

    public override Task<IReadOnlyList<Message>> OpenAsync() => OpenAsync(string.Empty);

    /// <summary>Asserts that the session still works: a message posted comes back on the next polls.</summary>
    public async Task AssertEchoesAsync(string text)
    {
        using var response = await PostAsync(text);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(text, Assert.Single(await PollForAsync(1)).Text);
    }

    /// <summary>Polls until a frame with messages comes (idle polls answer empty).</summary>
    public override async Task<IReadOnlyList<Message>> ReceiveFrameAsync()
    {
        while (true)
        {
            var frame = await PollAsync();
            if (frame.Count > 0)
            {
                return frame;
            }
        }
    }

    public override async Task SendAsync(params Message[] messages)
    {
        using var response = await PostAsync(messages);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    public override Task LeaveAsync() => FormPost.LeaveAsync(_http, Transport, SessionId, _origin);

    /// <summary>Between polls nothing is attached: there is nothing to drop.</summary>
    public override Task DropAsync() => Task.CompletedTask;

    /// <summary>The next poll attaches again.</summary>
    public override Task ReattachAsync() => Task.CompletedTask;

    /// <summary>An idle poll's heartbeat is its empty answer.</summary>
    public override async Task ExpectHeartbeatAsync() => Assert.Empty(await PollAsync());

    public override ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Opens a session as the 2010 client does (<c>/xhr-polling//{timestamp}</c>); returns what followed the handshake.</summary>
    public async Task<IReadOnlyList<Message>> OpenAsync(string path)
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

    public Task<HttpResponseMessage> GetAsync(string path, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead) =>
        _http.SendAsync(Request(HttpMethod.Get, path), completion);

    /// <summary>Sends messages as the 2010 client does: a form POST with the payload in <c>data</c>.</summary>
    public Task<HttpResponseMessage> PostAsync(params Message[] messages) =>
        PostAsync($"/socket.io/xhr-polling/{SessionId}/send", FormPost.Payload(messages));

    public Task<HttpResponseMessage> PostFormAsync(string body, string? sessionId = null) =>
        PostAsync($"/socket.io/xhr-polling/{sessionId ?? SessionId}/send", FormPost.Form(body));

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
