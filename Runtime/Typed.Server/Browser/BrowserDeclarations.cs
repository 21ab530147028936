using System.Text;
using Microsoft.AspNetCore.Http;
using Typed.Events;
using Typed.Events.Generated;

namespace Typed.Server.Browser;

/// <summary>
/// <c>/{resource}/socket.io.d.ts</c>: TypeScript declarations of the browser client and of every
/// event contract registered in this process, so that a front-end project types its events from
/// the same interfaces as the C# code.
/// </summary>
internal static class BrowserDeclarations
{
    public const string FileName = "socket.io.d.ts";

    private static readonly Lazy<string> Client = new(() => BrowserClientScript.Resource(FileName));

    /// <summary>Answers GET and HEAD alike, HEAD without the body.</summary>
    public static Task ServeAsync(HttpContext context)
    {
        var body = Encoding.UTF8.GetBytes(Client.Value + EventDeclarations.All);
        context.Response.ContentType = "application/typescript; charset=UTF-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
