namespace Chat.Client;

/// <summary>Signs in to the chat server by name, as its page does, leaving the cookie in the handler.</summary>
internal static class SignIn
{
    public static async Task<bool> AsAsync(HttpMessageHandler handler, Uri server, string name)
    {
        using var http = new HttpClient(handler, disposeHandler: false);
        using var form = new FormUrlEncodedContent([new("name", name)]);
        using var response = await http.PostAsync(new Uri(server, "/signin"), form);
        var answer = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            await Console.Error.WriteLineAsync($"Signing in as {name} was refused ({(int)response.StatusCode}): {answer}");
            return false;
        }

        Console.WriteLine($"* signed in as {answer}");
        return true;
    }
}
