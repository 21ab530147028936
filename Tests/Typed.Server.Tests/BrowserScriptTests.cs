using System.IO.Compression;
using System.Net;
using Typed.Server.Browser;

namespace Typed.Server.Tests;

public sealed class BrowserScriptTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task The_browser_client_is_served_compressed_with_a_strong_etag_and_long_caching()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = server.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/socket.io/socket.io.js");
        request.Headers.AcceptEncoding.ParseAdd("gzip");

        using var response = await http.SendAsync(request);
        var compressed = await response.Content.ReadAsByteArrayAsync();
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        var script = await new StreamReader(gzip).ReadToEndAsync();

        output.WriteLine($"socket.io.js: {compressed.Length} bytes gzipped ({compressed.Length / 1024.0:0.00} KB), {script.Length} characters served");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Equal("text/javascript; charset=UTF-8", response.Content.Headers.ContentType!.ToString());
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Equal(TimeSpan.FromDays(7), response.Headers.CacheControl!.MaxAge);
        Assert.Contains("io.Socket = Socket;", script, StringComparison.Ordinal);
        Assert.True(compressed.Length <= 5.82 * 1024, $"{compressed.Length} bytes is over the 2010 client's 5.82 KB");
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
    public void Compacting_drops_comments_and_indentation_and_keeps_code()
    {
        var compacted = BrowserClientScript.Compact("/* header\n   more */\n  // a comment\n  var url = 'ws://x'; // kept: not a comment line\n\n  return url;\n");

        Assert.Equal("var url = 'ws://x'; // kept: not a comment line\nreturn url;\n", compacted);
    }
}
