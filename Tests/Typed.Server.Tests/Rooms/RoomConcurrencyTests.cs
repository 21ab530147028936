using System.Globalization;

namespace Typed.Server.Tests.Rooms;

/// <summary>Joins, leaves and sends to the same rooms from several threads at once.</summary>
public sealed class RoomConcurrencyTests
{
    private const int Sends = 200;
    private const int Toggles = 100;

    [Fact]
    public async Task Members_that_stay_get_every_send_once_in_order_while_others_join_and_leave()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        var stayers = new List<Member>();
        var churners = new List<Member>();
        try
        {
            for (var i = 0; i < 6; i++)
            {
                var stayer = await Member.OpenAsync(server);
                stayers.Add(stayer);
                // In a, in b, or in both: a member of both is sent each message once.
                Assert.True(i % 3 == 1 || stayer.Client.Join("a"));
                Assert.True(i % 3 == 0 || stayer.Client.Join("b"));
            }

            for (var i = 0; i < 10; i++)
            {
                churners.Add(await Member.OpenAsync(server));
            }

            var sending = Task.Run(() =>
            {
                for (var i = 0; i < Sends; i++)
                {
                    server.Listener.To("a", "b").Send(i.ToString(CultureInfo.InvariantCulture));
                }
            });

            // Each churner's rooms change from two threads at once; the even ones end in a, the odd in none.
            var churning = churners.SelectMany((churner, index) => new[]
            {
                Task.Run(() => Toggle(churner.Client, "a", endJoined: index % 2 == 0)),
                Task.Run(() => Toggle(churner.Client, "b", endJoined: false)),
            });
            // The stayers' own rooms change too, in a room no send names.
            var stayersChurning = stayers.Select(stayer => Task.Run(() => Toggle(stayer.Client, "c", endJoined: false)));
            await Task.WhenAll([sending, .. churning, .. stayersChurning]).Within();

            string[] everySend = [.. Enumerable.Range(0, Sends).Select(i => i.ToString(CultureInfo.InvariantCulture))];
            foreach (var stayer in stayers)
            {
                Assert.Equal(everySend, await stayer.ReceiveAsync(Sends));
                await stayer.AssertNothingQueuedAsync();
            }

            foreach (var churner in churners)
            {
                var received = await ReceiveUntilDirectAsync(churner);
                var numbers = received.Select(text => int.Parse(text, CultureInfo.InvariantCulture)).ToArray();
                Assert.All(numbers, number => Assert.InRange(number, 0, Sends - 1));
                Assert.True(numbers.Zip(numbers.Skip(1)).All(pair => pair.First < pair.Second), "each send arrives once, in order: " + string.Join(",", numbers));
            }

            var inA = stayers.Where((_, i) => i % 3 != 1).Concat(churners.Where((_, i) => i % 2 == 0)).ToList();
            var inB = stayers.Where((_, i) => i % 3 != 0).ToList();
            Assert.Equal(inA.Select(m => m.SessionId).Order(), server.Listener.ClientsIn("a").Select(c => c.SessionId).Order());
            Assert.Equal(inB.Select(m => m.SessionId).Order(), server.Listener.ClientsIn("b").Select(c => c.SessionId).Order());
            Assert.Empty(server.Listener.ClientsIn("c"));
            Assert.All(churners.Where((_, i) => i % 2 == 0), churner => Assert.Equal(["a"], churner.Client.Rooms));
            Assert.All(churners.Where((_, i) => i % 2 == 1), churner => Assert.Empty(churner.Client.Rooms));

            server.Listener.To("a").Send("final");
            foreach (var member in stayers.Concat(churners))
            {
                if (inA.Contains(member))
                {
                    Assert.Equal("final", await member.ReceiveAsync());
                }

                await member.AssertNothingQueuedAsync();
            }
        }
        finally
        {
            foreach (var member in stayers.Concat(churners))
            {
                await member.DisposeAsync();
            }
        }
    }

    private static void Toggle(Client client, string room, bool endJoined)
    {
        for (var i = 0; i < Toggles; i++)
        {
            Assert.True(client.Join(room));
            Assert.True(client.Leave(room));
        }

        if (endJoined)
        {
            Assert.True(client.Join(room));
        }
    }

    /// <summary>What the member was sent before a message sent to it directly now.</summary>
    private static async Task<List<string>> ReceiveUntilDirectAsync(Member member)
    {
        member.Client.Send("direct");
        var received = new List<string>();
        for (var text = await member.ReceiveAsync(); text != "direct"; text = await member.ReceiveAsync())
        {
            received.Add(text);
        }

        return received;
    }
}
