namespace Typed.Server.Tests.Infrastructure;

internal static class HttpHeaders
{
    /// <summary>Sends the header with every later request of <paramref name="http"/>.</summary>
    public static void Set(HttpClient http, string name, string value)
    {
        http.DefaultRequestHeaders.Remove(name);
        http.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
    }
}
