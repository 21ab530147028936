using System.Text;
using Microsoft.AspNetCore.Http;
using Typed.Events;

namespace Typed.Server.Browser;

/// <summary>
/// <c>/{resource}/socket.io.d.ts</c>: TypeScript declarations of the browser client and of every
/// event contract registered in this process, so that a front-end project types its events from
/// the same interfaces as the C# code.
/// </summary>
internal static class BrowserDeclarations
{
    public const string FileName = "socket.io.d.ts";

    private static readonly Lazy<string> Client = new(() =>
    {
        using var stream = typeof(BrowserDeclarations).Assembly.GetManifestResourceStream("Typed.Server." + FileName)!;
        return new StreamReader(stream, Encoding.UTF8).ReadToEnd();
    });

    public static Task ServeAsync(HttpContext context)
    {
        var body = Encoding.UTF8.GetBytes(Client.Value + EventDeclarations.All);
        context.Response.ContentType = "application/typescript; charset=UTF-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
