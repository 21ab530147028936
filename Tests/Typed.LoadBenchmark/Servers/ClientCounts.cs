using System.Globalization;

namespace Typed.LoadBenchmark.Servers;

/// <summary>What a server says of its sessions (SignalR's: connections): how many it holds, and how many have ended since it started.</summary>
public sealed record ClientCounts(int Held, long Ended)
{
    /// <summary>Where our server and the SignalR one answer with their counts, as the text <c>HELD ENDED</c>.</summary>
    public const string Path = "/clients";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Held} {Ended}");

    public static async Task<ClientCounts> AskAsync(Uri server)
    {
        using var http = new HttpClient();
        var parts = (await http.GetStringAsync(new Uri(server, Path))).Split(' ');
        return new ClientCounts(int.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
