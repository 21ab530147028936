using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Typed.Server.Identity;

namespace Typed.Testing.Identity;

/// <summary>
/// ASP.NET Core's own cookie and JWT bearer authentication, set up as an application would: a
/// request with a bearer token (in the header, or in the <c>access_token</c> query under the socket
/// endpoint) is read as a JWT, any other by its cookie. Tokens are signed with a symmetric test key.
/// </summary>
public static class TestAuthentication
{
    private const string EitherScheme = "CookieOrBearer";

    private static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes("a test key of thirty-two bytes or more, for HS256 only"));

    /// <summary>A JWT for <paramref name="userId"/> (its <c>sub</c>), valid for <paramref name="lifetime"/> (a minute by default).</summary>
    public static string Token(string userId, TimeSpan? lifetime = null, params string[] roles)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["sub"] = userId, ["name"] = userId };
        if (roles.Length > 0)
        {
            claims["role"] = roles;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now.AddMinutes(-1),
            Expires = now + (lifetime ?? TimeSpan.FromMinutes(1)),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Adds cookie and JWT authentication and authorization to the application's services.</summary>
    public static void AddTestAuthentication(this WebApplicationBuilder builder, Action<Microsoft.AspNetCore.Authorization.AuthorizationBuilder>? policies = null)
    {
        builder.Services
            .AddAuthentication(EitherScheme)
            .AddPolicyScheme(EitherScheme, "cookie or bearer", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal) || SocketAccessToken.FromQuery(context) is not null
                    ? JwtBearerDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                // A socket is no page: refuse with a status rather than redirect to a sign-in form.
                options.Events.OnRedirectToLogin = context => Refuse(context.Response, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Refuse(context.Response, StatusCodes.Status403Forbidden);
            })
            .AddJwtBearer(options =>
            {
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = false,
                    ValidateAudience = false,
                    IssuerSigningKey = Key,
                    ClockSkew = TimeSpan.Zero,
                    NameClaimType = "name",
                };
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        context.Token ??= SocketAccessToken.FromQuery(context.HttpContext);
                        return Task.CompletedTask;
                    },
                };
            });
        // Authorization's services always: an endpoint that requires it fails without them.
        var authorization = builder.Services.AddAuthorizationBuilder();
        policies?.Invoke(authorization);
    }

    /// <summary>
    /// <c>POST /signin?user=NAME[&amp;seconds=N]</c> signs in with a cookie (for N seconds when given),
    /// as a sign-in form would.
    /// </summary>
    public static void MapTestSignIn(this WebApplication app) =>
        app.MapPost("/signin", async (HttpContext context, string user, int? seconds) =>
        {
            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, user), new Claim(ClaimTypes.Name, user)],
                CookieAuthenticationDefaults.AuthenticationScheme);
            var properties = new AuthenticationProperties();
            if (seconds is { } lifetime)
            {
                properties.ExpiresUtc = DateTimeOffset.UtcNow.AddSeconds(lifetime);
            }

            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), properties);
            return Results.Ok();
        });

    private static Task Refuse(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
