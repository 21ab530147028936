using System.Net;
using Typed.Testing.Identity;

namespace Typed.Server.Tests.Identity;

/// <summary>
/// Single requests of the protocol with chosen credentials, read for their status only: what a
/// client without the right identity (or a thief holding a session id) would be answered.
/// </summary>
public sealed class SessionRequests(SocketServerHost server)
{
    /// <summary>The status of a request for a new session (101 for an accepted WebSocket upgrade).</summary>
    public Task<HttpStatusCode> OpenAsync(string transport, Credentials? credentials = null) => GetAsync(transport, null, credentials);

    /// <summary>The status of a downstream request naming <paramref name="sessionId"/>: a reattach, a poll.</summary>
    public Task<HttpStatusCode> AttachAsync(string transport, string sessionId, Credentials? credentials = null) => GetAsync(transport, sessionId, credentials);

    /// <summary>The status of a HEAD to a transport's address: whether a GET would be let in, opening nothing.</summary>
    public async Task<HttpStatusCode> ProbeAsync(string transport, string? sessionId = null, Credentials? credentials = null)
    {
        using var http = new HttpClient { BaseAddress = server.BaseUri, Timeout = Wait.Long };
        using var request = new HttpRequestMessage(HttpMethod.Head, sessionId is null ? $"/socket.io/{transport}" : $"/socket.io/{transport}/{sessionId}");
        credentials?.Apply(request.Headers);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The status of <c>POST .../send</c> for <paramref name="sessionId"/>.</summary>
    public async Task<HttpStatusCode> SendAsync(string transport, string sessionId, string text, Credentials? credentials = null)
    {
        var upstream = transport is TransportNames.WebSocket or TransportNames.FlashSocket ? TransportNames.XhrPolling : transport;
        using var http = new HttpClient { BaseAddress = server.BaseUri, Timeout = Wait.Long };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/socket.io/{upstream}/{sessionId}/send") { Content = FormPost.Payload(Message.FromText(text)) };
        credentials?.Apply(request.Headers);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> GetAsync(string transport, string? sessionId, Credentials? credentials)
    {
        var path = sessionId is null ? $"/socket.io/{transport}" : $"/socket.io/{transport}/{sessionId}";
        if (transport is TransportNames.WebSocket or TransportNames.FlashSocket)
        {
            var headers = credentials is null ? null : new Dictionary<string, string> { [credentials.Header] = credentials.Value };
            return await WebSocketWire.TryConnectAsync(server.BaseUri, sessionId, transport: transport, headers: headers);
        }

        using var client = new HttpClient { BaseAddress = server.BaseUri, Timeout = Wait.Long };
        using var get = new HttpRequestMessage(HttpMethod.Get, path + "?wait=0");
        credentials?.Apply(get.Headers);
        // Streams never end: the status is all that is read.
        using var answer = await client.SendAsync(get, HttpCompletionOption.ResponseHeadersRead);
        return answer.StatusCode;
    }
}
