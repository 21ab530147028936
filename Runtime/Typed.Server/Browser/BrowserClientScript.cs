using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Typed.Server.Browser;

/// <summary>
/// The browser client, <c>/{resource}/socket.io.js</c>: read once from this assembly, stripped of
/// comments and indentation, compressed once, and served with a strong ETag and long caching.
/// </summary>
internal sealed class BrowserClientScript
{
    public const string FileName = "socket.io.js";

    private static readonly Lazy<BrowserClientScript> Shared = new(Load);

    private BrowserClientScript(byte[] script)
    {
        Script = script;
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize))
        {
            gzip.Write(script);
        }

        Gzipped = compressed.ToArray();
        ETag = "\"" + Convert.ToHexString(SHA256.HashData(script))[..32].ToLowerInvariant() + "\"";
    }

    public static BrowserClientScript Instance => Shared.Value;

    public byte[] Script { get; }

    public byte[] Gzipped { get; }

    public string ETag { get; }

    public Task ServeAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.ETag = ETag;
        response.Headers.CacheControl = "public, max-age=604800";
        response.Headers.Vary = "Accept-Encoding";
        if (context.Request.Headers.IfNoneMatch.ToString().Split(',').Any(tag => tag.Trim() == ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.ContentType = "text/javascript; charset=UTF-8";
        var gzip = context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
        var body = gzip ? Gzipped : Script;
        if (gzip)
        {
            response.Headers.ContentEncoding = "gzip";
        }

        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private static BrowserClientScript Load()
    {
        using var stream = typeof(BrowserClientScript).Assembly.GetManifestResourceStream("Typed.Server." + FileName)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new BrowserClientScript(Encoding.UTF8.GetBytes(Compact(reader.ReadToEnd())));
    }

    /// <summary>
    /// Drops comment lines and indentation: the source is written so that no string spans lines and
    /// no comment shares a line with code, which keeps this safe without a JavaScript parser.
    /// </summary>
    internal static string Compact(string source)
    {
        var lines = new List<string>();
        var inComment = false;
        foreach (var raw in source.Split('\n'))
        {
            var line = raw.Trim();
            if (inComment)
            {
                inComment = !line.Contains("*/", StringComparison.Ordinal);
                continue;
            }

            if (line.StartsWith("/*", StringComparison.Ordinal))
            {
                inComment = !line.Contains("*/", StringComparison.Ordinal);
                continue;
            }

            if (line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal))
            {
                lines.Add(line);
            }
        }

        return string.Join('\n', lines) + "\n";
    }
}
