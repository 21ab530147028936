using System.Security.Claims;

namespace Typed.Server.Identity;

/// <summary>The default <see cref="IUserIdProvider"/>: the <see cref="ClaimTypes.NameIdentifier"/> claim of an authenticated user.</summary>
internal sealed class NameIdentifierUserIdProvider : IUserIdProvider
{
    public string? GetUserId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirst(ClaimTypes.NameIdentifier)?.Value : null;
}
