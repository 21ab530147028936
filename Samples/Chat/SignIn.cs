using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Chat;

/// <summary>
/// Sign-in by name alone, with ASP.NET Core's cookie authentication: a demo's stand-in for the
/// authentication a real app brings (a password, an identity provider). The name is the user's
/// id (the NameIdentifier claim, which the socket reads as <c>Client.UserId</c>) and their name.
/// </summary>
public static class SignIn
{
    private const int LongestName = 40;

    /// <summary>Cookie authentication, with statuses instead of redirects to a sign-in page.</summary>
    public static void AddNameSignIn(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                // Only the socket asks for a signed-in user, and a socket is no page to send to a
                // sign-in form: it is answered 401 (nobody signed in) or 403 (not allowed).
                options.Events.OnRedirectToLogin = context => Refuse(context.Response, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Refuse(context.Response, StatusCodes.Status403Forbidden);
            });
        services.AddAuthorization();
    }

    /// <summary>
    /// <c>POST /signin</c> (form field <c>name</c>) signs in and answers with the name;
    /// <c>GET /signin</c> answers with the signed-in name, or 204 when nobody is;
    /// <c>POST /signout</c> signs out.
    /// </summary>
    /// <remarks>
    /// The form is read by hand rather than bound, which would ask for antiforgery tokens: with
    /// no password there is nothing for a forged sign-in to gain. A real sign-in form wants them.
    /// </remarks>
    public static void MapNameSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/signin", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var name = form["name"].ToString().Trim();
            if (name.Length is 0 or > LongestName)
            {
                return Results.Text($"A name of 1 to {LongestName} characters, please.", statusCode: StatusCodes.Status400BadRequest);
            }

            var identity = new ClaimsIdentity([new(ClaimTypes.NameIdentifier, name), new(ClaimTypes.Name, name)], CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(new ClaimsPrincipal(identity));
            return Results.Text(name);
        });
        endpoints.MapGet("/signin", (ClaimsPrincipal user) =>
            user.FindFirstValue(ClaimTypes.NameIdentifier) is { } name ? Results.Text(name) : Results.NoContent());
        endpoints.MapPost("/signout", async (HttpContext context) =>
        {
            await context.SignOutAsync();
            return Results.NoContent();
        });
    }

    private static Task Refuse(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
