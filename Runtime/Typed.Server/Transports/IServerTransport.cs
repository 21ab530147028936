namespace Typed.Server.Transports;

/// <summary>
/// One of the protocol's ways of carrying frames downstream. A transport is one class and one
/// registration; the rest of the server never names it.
/// </summary>
internal interface IServerTransport
{
    /// <summary>The name in the URL: <c>/{resource}/{Name}/...</c>.</summary>
    string Name { get; }

    /// <summary>The transport's own settings, used where the application set none.</summary>
    ResolvedTransportOptions Defaults(SocketServerOptions options);

    /// <summary>Serves a downstream request: opens or reattaches the session and writes its frames.</summary>
    Task HandleAsync(DownstreamRequest request);
}
