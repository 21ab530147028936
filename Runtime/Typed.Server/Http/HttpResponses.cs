using System.Text;
using Microsoft.AspNetCore.Http;

namespace Typed.Server.Http;

/// <summary>Plain-text answers for requests the server refuses.</summary>
internal static class HttpResponses
{
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
