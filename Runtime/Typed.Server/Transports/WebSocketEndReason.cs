using System.Net.WebSockets;

namespace Typed.Server.Transports;

/// <summary>Why a WebSocket downstream ended, and the close it is given.</summary>
internal sealed record WebSocketEndReason(WebSocketCloseStatus Status, string Description)
{
    public static readonly WebSocketEndReason ClosedByClient = new(WebSocketCloseStatus.NormalClosure, "closed by the client");
    public static readonly WebSocketEndReason Left = new(WebSocketCloseStatus.NormalClosure, "the client left");
    public static readonly WebSocketEndReason Gone = new(WebSocketCloseStatus.EndpointUnavailable, "the connection was lost");
    public static readonly WebSocketEndReason Replaced = new(WebSocketCloseStatus.NormalClosure, "replaced by a newer connection");
    public static readonly WebSocketEndReason AuthenticationExpired = new(WebSocketCloseStatus.PolicyViolation, "authentication expired");
    public static readonly WebSocketEndReason SessionOver = new(WebSocketCloseStatus.NormalClosure, "session over");
    public static readonly WebSocketEndReason TooBig = new(WebSocketCloseStatus.MessageTooBig, "message too big");
    public static readonly WebSocketEndReason Binary = new(WebSocketCloseStatus.InvalidMessageType, "binary messages are not accepted");
    public static readonly WebSocketEndReason Malformed = new(WebSocketCloseStatus.InvalidPayloadData, "malformed payload");
}
