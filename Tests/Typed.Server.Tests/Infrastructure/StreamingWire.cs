using System.Net;
using System.Threading.Channels;
using Typed.Framing;

namespace Typed.Server.Tests.Infrastructure;

/// <summary>
/// A kept-open HTTP transport (<c>server-events</c>, <c>htmlfile</c>, <c>xhr-multipart</c>) spoken by
/// hand: one long GET read as it arrives, POSTs upstream.
/// </summary>
public sealed class StreamingWire : TransportWire
{
    private readonly HttpClient _http;
    private readonly string? _origin;
    private readonly bool _legacyEvents;
    private Channel<byte[]?> _items = Channel.CreateUnbounded<byte[]?>();
    private CancellationTokenSource _stop = new();
    private Task _reading = Task.CompletedTask;

    public StreamingWire(Uri baseUri, string transport, string? origin = null, bool legacyEvents = false)
    {
        _http = new HttpClient { BaseAddress = baseUri, Timeout = Timeout.InfiniteTimeSpan };
        _origin = origin;
        _legacyEvents = legacyEvents;
        Transport = transport;
        Parser = StreamParser.For(transport, legacyEvents);
    }

    public override string Transport { get; }

    /// <summary>The parser of the current stream, with its raw bytes.</summary>
    public StreamParser Parser { get; private set; }

    /// <summary>Sent as <c>Accept-Encoding</c> when set, to invite a compression layer in.</summary>
    public string? AcceptEncoding { get; set; }

    public override void SetHeader(string name, string value) => HttpHeaders.Set(_http, name, value);

    /// <summary>Waits until the server ends the current stream.</summary>
    public async Task ExpectEndAsync()
    {
        while (await _items.Reader.WaitToReadAsync().AsTask().Within())
        {
            _items.Reader.TryRead(out _);
        }
    }

    /// <summary>The headers of the current stream's response.</summary>
    public HttpResponseMessage? Response { get; private set; }

    public override async Task<IReadOnlyList<Message>> OpenAsync()
    {
        await AttachAsync($"/socket.io/{Transport}");
        var frame = await ReceiveFrameAsync();
        Assert.True(Handshake.TryReadSessionId(frame[0], out var sessionId), "the first message is the handshake");
        SessionId = sessionId;
        return [.. frame.Skip(1)];
    }

    public override async Task<IReadOnlyList<Message>> ReceiveFrameAsync()
    {
        while (true)
        {
            var item = await _items.Reader.ReadAsync().AsTask().Within();
            if (item is not null)
            {
                return ServerFrame.Parse(item);
            }
        }
    }

    public override Task SendAsync(params Message[] messages) => FormPost.SendAsync(_http, Transport, SessionId, _origin, messages);

    public override Task LeaveAsync() => FormPost.LeaveAsync(_http, Transport, SessionId, _origin);

    public override async Task DropAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
        {
        }

        Response?.Dispose();
        Pending.Clear();
    }

    public override Task ReattachAsync() => AttachAsync($"/socket.io/{Transport}/{SessionId}");

    public override async Task ExpectHeartbeatAsync()
    {
        while (await _items.Reader.ReadAsync().AsTask().Within() is { } frame)
        {
            foreach (var message in ServerFrame.Parse(frame))
            {
                Pending.Enqueue(message);
            }
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await DropAsync();
        _http.Dispose();
    }

    private async Task AttachAsync(string path)
    {
        _stop = new CancellationTokenSource();
        _items = Channel.CreateUnbounded<byte[]?>();
        Parser = StreamParser.For(Transport, _legacyEvents);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (_origin is not null)
        {
            request.Headers.Add("Origin", _origin);
        }

        if (AcceptEncoding is not null)
        {
            request.Headers.Add("Accept-Encoding", AcceptEncoding);
        }

        if (_legacyEvents)
        {
            request.Headers.Add("Accept", "application/x-dom-event-stream");
        }

        Response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _stop.Token).Within();
        Assert.Equal(HttpStatusCode.OK, Response.StatusCode);
        var body = await Response.Content.ReadAsStreamAsync(_stop.Token);
        _reading = ReadAsync(body, Parser, _items.Writer, _stop.Token);
    }

    private static async Task ReadAsync(Stream body, StreamParser parser, ChannelWriter<byte[]?> items, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                foreach (var item in parser.Feed(buffer.AsSpan(0, read)))
                {
                    items.TryWrite(item);
                }
            }
        }
        finally
        {
            items.TryComplete();
        }
    }
}
