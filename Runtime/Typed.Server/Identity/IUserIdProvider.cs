using System.Security.Claims;

namespace Typed.Server.Identity;

/// <summary>
/// Says which user a session belongs to, from the principal its first request authenticated as:
/// what <see cref="Client.UserId"/> reads and what sending to a user addresses. Register another in
/// the services to replace the default, which reads the <see cref="ClaimTypes.NameIdentifier"/> claim
/// (as SignalR's <c>IUserIdProvider</c> does).
/// </summary>
public interface IUserIdProvider
{
    /// <summary>The user's id, or null for a principal that names no user.</summary>
    string? GetUserId(ClaimsPrincipal user);
}
