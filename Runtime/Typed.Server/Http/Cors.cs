using Microsoft.AspNetCore.Http;

namespace Typed.Server.Http;

/// <summary>The CORS answers of PROTOCOL.md: an allowed origin is echoed, with credentials.</summary>
internal static class Cors
{
    public static void AllowOrigin(HttpResponse response, string origin)
    {
        response.Headers.AccessControlAllowOrigin = origin;
        response.Headers.AccessControlAllowCredentials = "true";
        response.Headers.Vary = "Origin";
    }

    /// <summary>Answers a preflight for an allowed origin: the methods the protocol uses and the headers asked for.</summary>
    public static void AnswerPreflight(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status204NoContent;
        response.Headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
        var requested = context.Request.Headers.AccessControlRequestHeaders;
        if (requested.Count > 0)
        {
            response.Headers.AccessControlAllowHeaders = requested;
        }

        response.Headers.AccessControlMaxAge = "86400";
    }
}
