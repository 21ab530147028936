namespace Typed.Client.Transports;

/// <summary>Makes a transport by name: the one place that knows which transports exist.</summary>
internal static class ClientTransports
{
    public static ClientTransport Create(string name, TransportContext context, IFrameSink sink) => name switch
    {
        TransportNames.WebSocket => new WebSocketClientTransport(context, sink),
        TransportNames.FlashSocket => new FlashSocketClientTransport(context, sink),
        TransportNames.ServerEvents => new ServerEventsClientTransport(context, sink),
        TransportNames.HtmlFile => new HtmlFileClientTransport(context, sink),
        TransportNames.XhrMultipart => new XhrMultipartClientTransport(context, sink),
        TransportNames.XhrPolling => new XhrPollingClientTransport(context, sink),
        _ => throw new ArgumentException($"There is no transport named '{name}'.", nameof(name)),
    };
}
