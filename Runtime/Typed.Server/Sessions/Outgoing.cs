using Typed.Messages;

namespace Typed.Server.Sessions;

/// <summary>
/// A message waiting for a session's downstream. A broadcast also carries its frame, encoded
/// once for every session, which a lone message can go out as without being encoded again.
/// With acknowledged delivery it carries its sequence number.
/// </summary>
internal readonly record struct Outgoing(Message Message, ReadOnlyMemory<byte> SharedFrame, long Seq = 0);
