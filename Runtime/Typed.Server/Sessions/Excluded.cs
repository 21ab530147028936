namespace Typed.Server.Sessions;

/// <summary>
/// The session ids a send to many leaves out: looked up in the array while it is short, in a set
/// made once per send when it is long.
/// </summary>
internal readonly struct Excluded(string[] sessionIds)
{
    private readonly HashSet<string>? _set = sessionIds.Length > 8 ? new HashSet<string>(sessionIds, StringComparer.Ordinal) : null;

    public bool Contains(string sessionId) => _set?.Contains(sessionId) ?? Array.IndexOf(sessionIds, sessionId) >= 0;
}
