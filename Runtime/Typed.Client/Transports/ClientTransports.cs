namespace Typed.Client.Transports;

/// <summary>Makes a transport by name: the one place that knows which transports exist.</summary>
internal static class ClientTransports
{
    public static ClientTransport Create(string name, TransportContext context, IFrameSink sink) => name switch
    {
        ClientTransportNames.WebSocket => new WebSocketClientTransport(context, sink),
        ClientTransportNames.FlashSocket => new FlashSocketClientTransport(context, sink),
        ClientTransportNames.ServerEvents => new ServerEventsClientTransport(context, sink),
        ClientTransportNames.HtmlFile => new HtmlFileClientTransport(context, sink),
        ClientTransportNames.XhrMultipart => new XhrMultipartClientTransport(context, sink),
        ClientTransportNames.XhrPolling => new XhrPollingClientTransport(context, sink),
        _ => throw new ArgumentException($"There is no transport named '{name}'.", nameof(name)),
    };
}
