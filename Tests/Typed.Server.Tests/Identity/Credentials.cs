using System.Net.Http.Headers;
using Typed.Testing.Identity;

namespace Typed.Server.Tests.Identity;

/// <summary>How a test client proves who it is: a bearer JWT or a sign-in cookie, as one header.</summary>
public sealed record Credentials(string Header, string Value)
{
    public static Credentials Bearer(string user, TimeSpan? lifetime = null, params string[] roles) =>
        new("Authorization", "Bearer " + TestAuthentication.Token(user, lifetime, roles));

    /// <summary>Signs in through the application's form endpoint and keeps the cookie it sets.</summary>
    public static async Task<Credentials> CookieAsync(SocketServerHost server, string user)
    {
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        using var response = await http.PostAsync(new Uri($"/signin?user={Uri.EscapeDataString(user)}", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        return new("Cookie", cookie[..cookie.IndexOf(';', StringComparison.Ordinal)]);
    }

    public void Apply(HttpRequestHeaders headers) => headers.TryAddWithoutValidation(Header, Value);

    public void Apply(TransportWire wire) => wire.SetHeader(Header, Value);
}
