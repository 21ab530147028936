using Microsoft.AspNetCore.Http;
using Typed.Server.Security;

namespace Typed.Server;

/// <summary>The application's checks on requests for new sessions, run before the handshake.</summary>
public sealed partial class Listener
{
    private Func<HttpContext, ValueTask<Admission>>[] _admissionChecks = [];

    /// <summary>
    /// Adds a check run on every request for a new session, after origins and ASP.NET Core's
    /// authorization and before a session is opened: it sees the <see cref="HttpContext"/> (its user,
    /// headers, address) and may refuse with <see cref="Admission.Refuse"/> (429 for a rate limit, 403
    /// for a ban...), which is answered and logged. Checks run in the order added; the first refusal
    /// wins. Requests of sessions already open are not checked again.
    /// </summary>
    public void AddAdmissionCheck(Func<HttpContext, ValueTask<Admission>> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        _admissionChecks = [.. _admissionChecks, check];
    }

    /// <summary>The first refusal of the application's checks, or <see cref="Admission.Admit"/>.</summary>
    internal async ValueTask<Admission> AdmitAsync(HttpContext context)
    {
        foreach (var check in _admissionChecks)
        {
            var admission = await check(context);
            if (!admission.IsAdmitted)
            {
                return admission;
            }
        }

        return Admission.Admit;
    }
}
