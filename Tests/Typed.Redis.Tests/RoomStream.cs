using System.Globalization;
using Typed.Server;

namespace Typed.Redis.Tests;

/// <summary>
/// A numbered run of sends to a room from one node ("0", "1", ...), going on while a test moves
/// members about, then "end".
/// </summary>
internal sealed class RoomStream
{
    private readonly Task _sending;
    private readonly string _room;
    private int _sent;
    private volatile bool _stopping;

    public RoomStream(Listener sender, string room)
    {
        _room = room;
        _sending = Task.Run(async () =>
        {
            while (!_stopping)
            {
                sender.To(room).Send(_sent.ToString(CultureInfo.InvariantCulture));
                Interlocked.Increment(ref _sent);

                // Paced, so that the run lasts while members move without flooding them.
                await Task.Delay(1);
            }

            sender.To(room).Send("end");
        });
    }

    /// <summary>How many have been sent: every number from this one on is sent after now.</summary>
    public int Sent => Volatile.Read(ref _sent);

    /// <summary>Stops the run; returns how many numbers it sent.</summary>
    public async Task<int> StopAsync()
    {
        _stopping = true;
        await _sending.Within();
        return Sent;
    }

    /// <summary>
    /// Joins a session, on any node, to the run's room, and checks that its client hears every number
    /// sent from the join on, in order, once, to the run's end, which this brings once it has heard
    /// some; returns how many numbers the run sent.
    /// </summary>
    public async Task<int> JoinAndHearToTheEndAsync(Typed.Server.Client session, ClientProbe client)
    {
        Assert.True(session.Join(_room));
        var joinedAt = Sent;
        var heard = new List<int>();
        while (heard.Count < 10)
        {
            heard.Add(await ReceiveNumberAsync(client));
        }

        var sent = await StopAsync();
        AssertEveryOneSince(joinedAt, sent, await ReceiveToEndAsync(client, heard));
        return sent;
    }

    public static async Task<int> ReceiveNumberAsync(ClientProbe member) =>
        int.Parse((await member.ReceiveAsync()).Text, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The numbers a member receives up to "end" (what is not a number, such as an answer to a join, is skipped).</summary>
    public static async Task<List<int>> ReceiveToEndAsync(ClientProbe member, List<int> received)
    {
        while ((await member.ReceiveAsync()).Text is var text && text != "end")
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                received.Add(number);
            }
        }

        return received;
    }

    /// <summary>
    /// What a member that joined when <paramref name="joinedAt"/> had been sent received: every number
    /// from its first (no later than that) to the last, in order, once.
    /// </summary>
    private static void AssertEveryOneSince(int joinedAt, int sent, List<int> received)
    {
        Assert.NotEmpty(received);
        Assert.True(received[0] <= joinedAt, $"the member missed {received[0] - joinedAt} sent after it joined");
        Assert.Equal(Enumerable.Range(received[0], sent - received[0]), received);
    }
}
