using System.ComponentModel;
using System.Text.Json;
using Typed.Messages;

namespace Typed.Events.Generated;

/// <summary>
/// Where a generated sender hands the event messages it encodes: one client, every client, or
/// the server. The only runtime piece generated senders talk to.
/// </summary>
/// <remarks>For generated code: applications need not name it, and it may change without notice.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IEventSink
{
    /// <summary>Sends an event that expects no answer.</summary>
    void Send(Message message);

    /// <summary>
    /// Sends an event that expects an answer and waits for it. <paramref name="request"/> builds
    /// the message around the id the sink picks.
    /// </summary>
    /// <returns>The answer's result, as JSON.</returns>
    /// <exception cref="RemoteEventException">The other side's handler failed.</exception>
    /// <exception cref="TimeoutException">No answer came within the sink's answer timeout.</exception>
    Task<JsonElement> AskAsync(string eventName, Func<long, Message> request, CancellationToken cancellationToken);
}
