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

    [Fact]
    public async Task Sessions_that_end_while_they_join_and_leave_are_left_in_no_room()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        var stayers = new List<Member>();
        var enders = new List<Member>();
        using var underWay = new CountdownEvent(8);
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var stayer = await Member.OpenAsync(server);
                stayer.Client.Join("a");
                stayers.Add(stayer);
            }

            for (var i = 0; i < underWay.InitialCount; i++)
            {
                enders.Add(await Member.OpenAsync(server));
            }

            var sending = Task.Run(() =>
            {
                for (var i = 0; i < Sends; i++)
                {
                    server.Listener.To("a").Send(i.ToString(CultureInfo.InvariantCulture));
                }
            });
            // Each ender joins and leaves until its session is over, when a join is refused; the
            // sessions are ended once every ender is under way, so that the end meets the churn.
            var churning = enders.Select(ender => Task.Run(() =>
            {
                // Bounded, should a join after the end ever be let in.
                var joins = 0;
                while (joins < 1_000_000 && ender.Client.Join("a"))
                {
                    if (++joins == 1)
                    {
                        underWay.Signal();
                    }

                    ender.Client.Leave("a");
                }
            })).ToList();
            var ending = Task.Run(() =>
            {
                Assert.True(underWay.Wait(Wait.Long), "every ender is under way");
                enders.ForEach(ender => ender.Client.Disconnect());
            });
            await Task.WhenAll([sending, ending, .. churning]).Within();
            foreach (var ender in enders)
            {
                await server.Events.DisconnectedAsync(ender.SessionId);
            }

            Assert.Equal(stayers.Select(m => m.SessionId).Order(), server.Listener.ClientsIn("a").Select(c => c.SessionId).Order());
            Assert.Equal(stayers.Count, await server.Listener.Cluster.CountInRoomAsync("a"));
            Assert.All(enders, ender => Assert.False(ender.Client.Join("a")));
            string[] everySend = [.. Enumerable.Range(0, Sends).Select(i => i.ToString(CultureInfo.InvariantCulture))];
            foreach (var stayer in stayers)
            {
                Assert.Equal(everySend, await stayer.ReceiveAsync(Sends));
                await stayer.AssertNothingQueuedAsync();
            }

            Assert.Empty(server.Logs.Errors);
        }
        finally
        {
            foreach (var member in stayers.Concat(enders))
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
