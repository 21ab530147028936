using System.Diagnostics;
using System.Globalization;
using Typed.LoadBenchmark.Scenarios;
using Typed.LoadBenchmark.Servers;

namespace Typed.LoadBenchmark.Clients;

/// <summary>
/// The clients of the rooms scenario for one server, in a process of their own (this program,
/// started with <c>crowd KIND URL SIZE</c>): ten thousand connections to each of two servers would
/// pass the 20,000 files one process may open on the benchmark's machine. Members of rooms of SIZE
/// (member <c>i</c> in room <c>i / SIZE</c>), and one sender in none. It reads one command a line
/// from its input and answers each with one line (<see cref="CrowdProcess"/> is the other end):
/// <list type="bullet">
/// <item><c>grow ROOMS</c>: opens members until there are ROOMS rooms, each joined on the server; answers <c>ready MEMBERS DESCRIPTORS BYTES</c> (this process's open files and resident memory).</item>
/// <item><c>send COUNT ROOMS MS</c>: sends COUNT messages back to back, one to each of the first ROOMS rooms in turn, then waits up to MS milliseconds until every member has heard all sent to its room; answers <c>heard TOTAL MISSING</c>, everything heard so far and what is still owed.</item>
/// </list>
/// At the end of its input it closes every connection and ends.
/// </summary>
internal sealed class Crowd(ServerKind kind, Uri server, int roomSize)
{
    private readonly List<ILoadConnection> _members = [];
    private readonly List<long> _sent = []; // messages sent so far to each room
    private int _next; // the room the next message goes to

    public static string Room(int index) => "room" + index.ToString(CultureInfo.InvariantCulture);

    public async Task RunAsync()
    {
        var sender = Connections.Create(kind == ServerKind.SignalR ? Contestant.SignalR : Contestant.Typed, Channel.WebSocket, server);
        try
        {
            await sender.ConnectAsync();
            while (await Console.In.ReadLineAsync() is { } line)
            {
                var words = line.Split(' ');
                var answer = words[0] switch
                {
                    "grow" => await GrowAsync(Number(words[1])),
                    "send" => await SendAsync(sender, Number(words[1]), Number(words[2]), TimeSpan.FromMilliseconds(Number(words[3]))),
                    _ => throw new InvalidOperationException("Unknown command: " + line),
                };
                Console.WriteLine(answer);
            }
        }
        finally
        {
            await Connections.CloseAsync([sender, .. _members]);
        }
    }

    private async Task<string> GrowAsync(int rooms)
    {
        var first = _members.Count;
        _members.AddRange(await Connections.OpenManyAsync(kind, server, (rooms - _sent.Count) * roomSize));
        await Parallel.ForEachAsync(
            Enumerable.Range(first, _members.Count - first),
            new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (i, _) => await _members[i].JoinAsync(Room(i / roomSize)));
        _sent.AddRange(Enumerable.Repeat(0L, rooms - _sent.Count));
        return string.Create(CultureInfo.InvariantCulture, $"ready {_members.Count} {Directory.GetFiles("/proc/self/fd").Length} {Environment.WorkingSet}");
    }

    private async Task<string> SendAsync(ILoadConnection sender, int count, int rooms, TimeSpan patience)
    {
        for (var i = 0; i < count; i++)
        {
            _next %= rooms;
            _sent[_next]++;
            await sender.ShoutToAsync(Room(_next), RoundTrips.Payload);
            _next++;
        }

        var clock = Stopwatch.StartNew();
        while (Owed(1) > 0 && clock.Elapsed < patience)
        {
            await Task.Delay(1);
        }

        return string.Create(CultureInfo.InvariantCulture, $"heard {_members.Sum(m => (long)m.Heard)} {Owed(long.MaxValue)}");
    }

    /// <summary>What the members have yet to hear of what was sent to their rooms, counted up to <paramref name="enough"/>.</summary>
    private long Owed(long enough)
    {
        var owed = 0L;
        for (var i = 0; i < _members.Count && owed < enough; i++)
        {
            owed += Math.Max(0, _sent[i / roomSize] - _members[i].Heard);
        }

        return owed;
    }

    private static int Number(string word) => int.Parse(word, CultureInfo.InvariantCulture);
}
