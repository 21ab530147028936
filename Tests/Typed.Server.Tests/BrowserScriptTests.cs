using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Typed.Server.Browser;

namespace Typed.Server.Tests;

public sealed class BrowserScriptTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int GzippedLimit = 4608; // 4.5 KB

    [Fact]
    public async Task The_browser_client_is_served_minified_compressed_with_a_strong_etag_and_long_caching()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        using var http = Client(server);

        var (response, compressed, script) = await GetGzippedAsync(http, "/socket.io/socket.io.js");
        var (_, readableCompressed, readable) = await GetGzippedAsync(http, "/socket.io/socket.io.debug.js");

        output.WriteLine($"socket.io.js: {compressed.Length} bytes gzipped ({compressed.Length / 1024.0:0.00} KB), {script.Length} bytes raw");
        output.WriteLine($"socket.io.debug.js: {readableCompressed.Length} bytes gzipped, {readable.Length} bytes raw");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Equal("text/javascript; charset=UTF-8", response.Content.Headers.ContentType!.ToString());
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Equal(TimeSpan.FromDays(7), response.Headers.CacheControl!.MaxAge);
        Assert.Contains(".Socket=", script, StringComparison.Ordinal);
        Assert.DoesNotContain("\n  ", script, StringComparison.Ordinal);
        Assert.True(compressed.Length <= GzippedLimit, $"{compressed.Length} bytes gzipped is over {GzippedLimit}");
    }

    [Fact]
    public async Task The_readable_client_is_served_for_debugging()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        using var http = Client(server);

        var (response, _, script) = await GetGzippedAsync(http, "/socket.io/socket.io.debug.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(BrowserClientScript.Resource(BrowserClientScript.FileName), script);
    }

    [Fact]
    public void The_minified_client_is_made_from_the_current_source()
    {
        var firstLine = BrowserClientScript.Resource("socket.io.min.js").Split('\n')[0];
        var expected = BrowserClientScript.SourceHash(BrowserClientScript.Resource(BrowserClientScript.FileName));

        Assert.True(
            firstLine.StartsWith(BrowserClientScript.SourceHashPrefix + expected, StringComparison.Ordinal),
            "socket.io.min.js is older than socket.io.js: run `npm ci && npm run minify` in Runtime/Typed.Server/Browser");
    }

    [Fact]
    public async Task A_request_with_the_current_etag_gets_304()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        using var first = await http.GetAsync("/socket.io/socket.io.js");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/socket.io/socket.io.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await http.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_gzip_and_identity_bodies_have_their_own_strong_etags()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        using var http = Client(server);

        using var gzipped = await SendAsync(http, gzip: true, ifNoneMatch: null);
        using var identity = await SendAsync(http, gzip: false, ifNoneMatch: null);
        var gzipTag = gzipped.Headers.ETag!;
        var identityTag = identity.Headers.ETag!;

        Assert.NotEqual(gzipTag.Tag, identityTag.Tag);
        Assert.False(gzipTag.IsWeak || identityTag.IsWeak);
        Assert.Contains("Accept-Encoding", gzipped.Headers.Vary);
        Assert.Contains("Accept-Encoding", identity.Headers.Vary);
        Assert.Equal(HttpStatusCode.NotModified, (await SendAsync(http, gzip: true, gzipTag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await SendAsync(http, gzip: false, identityTag)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, gzip: true, identityTag)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, gzip: false, gzipTag)).StatusCode);
    }

    [Fact]
    public async Task HEAD_of_the_declarations_has_the_headers_of_GET_and_no_body()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUri };

        using var get = await http.GetAsync("/socket.io/socket.io.d.ts");
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/socket.io/socket.io.d.ts"));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Equal(get.Headers.CacheControl, head.Headers.CacheControl);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    private static HttpClient Client(SocketServerHost server) =>
        new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = server.BaseUri };

    private static async Task<(HttpResponseMessage Response, byte[] Compressed, string Script)> GetGzippedAsync(HttpClient http, string path)
    {
        var response = await SendAsync(http, gzip: true, ifNoneMatch: null, path);
        var compressed = await response.Content.ReadAsByteArrayAsync();
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        return (response, compressed, await new StreamReader(gzip).ReadToEndAsync());
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, bool gzip, EntityTagHeaderValue? ifNoneMatch, string path = "/socket.io/socket.io.js")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (gzip)
        {
            request.Headers.AcceptEncoding.ParseAdd("gzip");
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        return http.SendAsync(request);
    }
}
