using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Typed.Server.Browser;

/// <summary>
/// The browser client, read once from this assembly and compressed once: <c>/{resource}/socket.io.js</c>
/// is <c>socket.io.min.js</c> (made from the readable source by <c>npm run minify</c> in this folder),
/// <c>/{resource}/socket.io.debug.js</c> the readable source. Each of the gzip and identity bodies has
/// its own strong ETag, as they are different representations.
/// </summary>
internal sealed class BrowserClientScript
{
    public const string FileName = "socket.io.js";

    public const string DebugFileName = "socket.io.debug.js";

    /// <summary>The first line of socket.io.min.js: the SHA-256 of the source it was made from.</summary>
    internal const string SourceHashPrefix = "// source sha256 ";

    private static readonly Lazy<BrowserClientScript> Minified = new(() => new(WithoutHashLine(Resource("socket.io.min.js"))));

    private static readonly Lazy<BrowserClientScript> Readable = new(() => new(Resource(FileName)));

    private BrowserClientScript(string script)
    {
        Script = Encoding.UTF8.GetBytes(script);
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize))
        {
            gzip.Write(Script);
        }

        Gzipped = compressed.ToArray();
        ETag = TagOf(Script);
        GzipETag = TagOf(Gzipped);
    }

    public static BrowserClientScript Instance => Minified.Value;

    public static BrowserClientScript Debug => Readable.Value;

    public byte[] Script { get; }

    public byte[] Gzipped { get; }

    /// <summary>The identity body's ETag.</summary>
    public string ETag { get; }

    public string GzipETag { get; }

    public Task ServeAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var gzip = request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
        var tag = gzip ? GzipETag : ETag;
        response.Headers.ETag = tag;
        response.Headers.CacheControl = "public, max-age=604800";
        response.Headers.Vary = "Accept-Encoding";
        if (Matches(request.Headers.IfNoneMatch.ToString(), tag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.ContentType = "text/javascript; charset=UTF-8";
        if (gzip)
        {
            response.Headers.ContentEncoding = "gzip";
        }

        var body = gzip ? Gzipped : Script;
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    internal static string Resource(string name)
    {
        using var stream = typeof(BrowserClientScript).Assembly.GetManifestResourceStream("Typed.Server." + name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The SHA-256 the minifier records: of the source with its line endings as <c>\n</c>.</summary>
    internal static string SourceHash(string source) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(source.ReplaceLineEndings("\n")))).ToLowerInvariant();

    /// <summary>If-None-Match compares weakly (RFC 9110, 13.1.2), and <c>*</c> matches any body.</summary>
    private static bool Matches(string ifNoneMatch, string tag) =>
        ifNoneMatch.Split(',').Select(candidate => candidate.Trim()).Any(candidate =>
            candidate == "*" || (candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate) == tag);

    private static string WithoutHashLine(string minified) =>
        minified.StartsWith(SourceHashPrefix, StringComparison.Ordinal) ? minified[(minified.IndexOf('\n') + 1)..] : minified;

    private static string TagOf(byte[] body) => "\"" + Convert.ToHexString(SHA256.HashData(body))[..32].ToLowerInvariant() + "\"";
}
