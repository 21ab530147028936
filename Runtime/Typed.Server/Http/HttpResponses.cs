using System.Text;
using Microsoft.AspNetCore.Http;

namespace Typed.Server.Http;

/// <summary>Plain-text answers: <c>ok</c>, and the reasons of requests the server refuses.</summary>
internal static class HttpResponses
{
    private static readonly byte[] Ok = "ok"u8.ToArray();

    /// <summary><c>200 ok</c>, the 2010 answer to an upload.</summary>
    public static Task WriteOkAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/plain; charset=UTF-8";
        response.ContentLength = Ok.Length;
        return response.Body.WriteAsync(Ok, context.RequestAborted).AsTask();
    }

    public static Task WriteErrorAsync(HttpContext context, int status, string reason)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            context.Abort();
            return Task.CompletedTask;
        }

        response.StatusCode = status;
        response.ContentType = "text/plain; charset=UTF-8";
        var body = Encoding.UTF8.GetBytes(reason);
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
