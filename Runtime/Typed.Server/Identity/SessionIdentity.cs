using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace Typed.Server.Identity;

/// <summary>
/// Who a request authenticated as, as far as sessions care: the principal, the user's id, and when
/// the authentication it presented expires.
/// </summary>
internal sealed class SessionIdentity
{
    /// <summary>A request that authenticated as nobody.</summary>
    public static readonly SessionIdentity Anonymous = new(new ClaimsPrincipal(new ClaimsIdentity()), null, null);

    private SessionIdentity(ClaimsPrincipal user, string? userId, DateTimeOffset? expires)
    {
        User = user;
        UserId = userId;
        Expires = expires;
    }

    public ClaimsPrincipal User { get; }

    public string? UserId { get; }

    /// <summary>When the authentication expires: the ticket's <c>ExpiresUtc</c> (a JWT's <c>exp</c>); null when it does not say.</summary>
    public DateTimeOffset? Expires { get; }

    public bool IsAuthenticated => User.Identity?.IsAuthenticated == true;

    /// <summary>
    /// What binds a session to its user: the user's id, else the identity's name, else its
    /// authentication type. Null for nobody.
    /// </summary>
    private string? Binding => !IsAuthenticated ? null : UserId ?? User.Identity?.Name ?? User.Identity?.AuthenticationType ?? string.Empty;

    public static SessionIdentity Of(HttpContext context, IUserIdProvider users)
    {
        // Read from the feature, not HttpContext.User, which makes an empty principal per request
        // when no authentication ran.
        if (context.Features.Get<IHttpAuthenticationFeature>()?.User is not { Identity.IsAuthenticated: true } user)
        {
            return Anonymous;
        }

        // Set by the authentication middleware for the default scheme and by the authorization
        // middleware for an endpoint's policy schemes.
        var expires = context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties?.ExpiresUtc;
        return new SessionIdentity(user, users.GetUserId(user), expires);
    }

    /// <summary>
    /// Whether a request that authenticated as <paramref name="request"/> may act for a session
    /// opened as this identity: any request for an anonymous session (as in 2010), only the same
    /// user for an authenticated one.
    /// </summary>
    public bool Admits(SessionIdentity request) =>
        !IsAuthenticated || (request.IsAuthenticated && string.Equals(Binding, request.Binding, StringComparison.Ordinal));
}
