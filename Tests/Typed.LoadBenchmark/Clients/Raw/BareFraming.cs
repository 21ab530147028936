using System.Text;

namespace Typed.LoadBenchmark.Clients.Raw;

/// <summary>The bare echo's: every WebSocket message is a message, as it is.</summary>
internal sealed class BareFraming : IWireFraming
{
    public static readonly BareFraming Instance = new();

    public bool ServerSpeaksFirst => false;

    public Uri Endpoint(Uri server) => new($"ws://{server.Authority}/ws");

    public byte[] Message(string text) => Encoding.UTF8.GetBytes(text);

    public byte[] Shout(string text) => throw new NotSupportedException("The bare echo has no broadcast.");

    public int Count(ReadOnlySpan<byte> received) => 1;
}
