using System.Text;
using Typed.Framing;

namespace Typed.Server.Tests.Infrastructure;

/// <summary>The upstream of every HTTP transport, as the 2010 client sends it.</summary>
public static class FormPost
{
    public static HttpContent Payload(params Message[] messages) =>
        Form("data=" + Uri.EscapeDataString(Encoding.UTF8.GetString(ClientPayload.Encode(messages))));

    public static HttpContent Form(string body) => new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");

    /// <summary><c>POST .../leave</c>: the session is over.</summary>
    public static async Task LeaveAsync(HttpClient http, string transport, string sessionId, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/socket.io/{transport}/{sessionId}/leave");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await http.SendAsync(request).Within();
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    public static async Task SendAsync(HttpClient http, string transport, string sessionId, string? origin, params Message[] messages)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/socket.io/{transport}/{sessionId}/send") { Content = Payload(messages) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await http.SendAsync(request).Within();
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }
}
