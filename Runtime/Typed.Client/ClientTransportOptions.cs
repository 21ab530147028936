namespace Typed.Client;

/// <summary>Settings of one client transport.</summary>
public sealed class ClientTransportOptions
{
    internal static readonly ClientTransportOptions Default = new();

    /// <summary>Overrides <see cref="SocketOptions.ConnectTimeout"/> for this transport.</summary>
    public TimeSpan? ConnectTimeout { get; set; }

    /// <summary>For <c>server-events</c>: ask for the Opera-era <c>application/x-dom-event-stream</c> flavour.</summary>
    public bool LegacyEventStream { get; set; }
}
