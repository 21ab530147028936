namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// What <c>AddSockets()</c> returns: the place where the server's add-ons (a backplane, a frame
/// codec) are registered, as <c>AddSignalR()</c>'s builder is for SignalR's.
/// </summary>
public interface ISocketsBuilder
{
    /// <summary>The application's services.</summary>
    IServiceCollection Services { get; }
}
