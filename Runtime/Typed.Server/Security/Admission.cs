using Microsoft.AspNetCore.Http;

namespace Typed.Server.Security;

/// <summary>
/// An application's answer to a request for a new session, given before the handshake (see
/// <see cref="Listener.AddAdmissionCheck"/>): admit it, or refuse it with a status and a reason.
/// </summary>
public sealed class Admission
{
    private Admission(int status, string? reason)
    {
        Status = status;
        Reason = reason;
    }

    /// <summary>The request may open a session.</summary>
    public static Admission Admit { get; } = new(0, null);

    /// <summary>0 when admitted; else the status the request is refused with (401, 403, 429...).</summary>
    public int Status { get; }

    /// <summary>Why it was refused: written in the response and the log.</summary>
    public string? Reason { get; }

    /// <summary>Whether the request may open a session.</summary>
    public bool IsAdmitted => Status == 0;

    /// <summary>Refuses the request with <paramref name="status"/>, a 4xx or 5xx, and <paramref name="reason"/>.</summary>
    public static Admission Refuse(int status, string reason)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, StatusCodes.Status400BadRequest);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new Admission(status, reason);
    }
}
