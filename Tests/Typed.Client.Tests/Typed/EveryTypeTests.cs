using Typed.TestContracts;

namespace Typed.Client.Tests.Typed;

/// <summary>Every supported argument type makes the round trip, client to server and server to client, on every transport.</summary>
public sealed class EveryTypeTests
{
    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Every_type_goes_to_the_server_and_back(string transport)
    {
        await using var server = await SocketServerHost.StartAsync(ClientTransportTests.AnyOrigin, listener => listener.Handle<IEcho, EchoHandler>());
        await using var client = await ClientProbe.ConnectAsync(server, ClientProbe.Options(transport));

        await AssertEveryTypeAsync(client.Socket.Events<IEcho>());
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Every_type_goes_to_a_client_and_back(string transport)
    {
        await using var server = await SocketServerHost.StartAsync(ClientTransportTests.AnyOrigin);
        var options = ClientProbe.Options(transport);
        options.FlashPolicyPort = server.FlashPolicyEndPoint!.Port;
        await using var client = new ClientProbe(server.BaseUri, options);
        client.Socket.Handle<IEcho>(new EchoHandler());
        await client.Socket.ConnectAsync().Within();
        var session = await server.Events.ConnectedAsync(client.Socket.SessionId!);

        await AssertEveryTypeAsync(session.Events<IEcho>());
    }

    private static async Task AssertEveryTypeAsync(IEcho echo)
    {
        var person = new Person("Ana \"the\" </script>", 41, ["a", "é", "😀"]);
        var when = new DateTime(2026, 11, 25, 3, 4, 5, 678, DateTimeKind.Utc);
        var guid = Guid.NewGuid();

        Assert.Equal("text ☃ \u2028 \"", await echo.Text("text ☃ \u2028 \"").Within());
        Assert.Null(await echo.MaybeText(null).Within());
        Assert.Equal("present", await echo.MaybeText("present").Within());
        Assert.True(await echo.Boolean(true).Within());
        Assert.Equal(byte.MaxValue, await echo.Byte(byte.MaxValue).Within());
        Assert.Equal(sbyte.MinValue, await echo.SByte(sbyte.MinValue).Within());
        Assert.Equal(short.MinValue, await echo.Int16(short.MinValue).Within());
        Assert.Equal(ushort.MaxValue, await echo.UInt16(ushort.MaxValue).Within());
        Assert.Equal(int.MinValue, await echo.Int32(int.MinValue).Within());
        Assert.Equal(uint.MaxValue, await echo.UInt32(uint.MaxValue).Within());
        Assert.Equal(long.MinValue, await echo.Int64(long.MinValue).Within());
        Assert.Equal(ulong.MaxValue, await echo.UInt64(ulong.MaxValue).Within());
        Assert.Equal(1.5f, await echo.Single(1.5f).Within());
        Assert.Equal(Math.PI, await echo.Double(Math.PI).Within());
        Assert.Equal(79228162514264337593543950335m, await echo.Decimal(79228162514264337593543950335m).Within());
        Assert.Equal('€', await echo.Char('€').Within());
        Assert.Equal(when, await echo.DateTime(when).Within());
        Assert.Equal(new DateTimeOffset(when).ToOffset(TimeSpan.FromHours(5.5)), await echo.DateTimeOffset(new DateTimeOffset(when).ToOffset(TimeSpan.FromHours(5.5))).Within());
        Assert.Equal(guid, await echo.Guid(guid).Within());
        Assert.Equal(new TimeSpan(1, 2, 3, 4, 5), await echo.TimeSpan(new TimeSpan(1, 2, 3, 4, 5)).Within());
        Assert.Equal(new byte[] { 0, 1, 254, 255 }, await echo.Bytes([0, 1, 254, 255]).Within());
        Assert.Equal(Mood.Grumpy, await echo.Enum(Mood.Grumpy).Within());
        Assert.Null(await echo.NullableInt32(null).Within());
        Assert.Equal(7, await echo.NullableInt32(7).Within());
        Assert.Equal(new[] { 3, 1, 2 }, await echo.Array([3, 1, 2]).Within());
        Assert.Equal(["x", "", "z"], await echo.List(["x", "", "z"]).Within());
        Assert.Equal([1.5, null, -2], await echo.ReadOnlyList([1.5, null, -2]).Within());
        Assert.Equal(new Dictionary<string, int> { ["a"] = 1, ["ü"] = 2 }, await echo.Dictionary(new() { ["a"] = 1, ["ü"] = 2 }).Within());
        var people = await echo.People(new Dictionary<string, Person> { ["ana"] = person }).Within();
        Assert.Equal(person.Name, people["ana"].Name);
        Assert.Equal(person.Tags, people["ana"].Tags);
        var back = await echo.Person(person).Within();
        Assert.Equal((person.Name, person.Age), (back.Name, back.Age));
        Assert.Equal(person.Tags, back.Tags);
        Assert.Null(await echo.MaybePerson(null).Within());
        Assert.Equal([[Mood.Calm, Mood.Happy], []], await echo.Nested([[Mood.Calm, Mood.Happy], []]).AsTask().Within());
        Assert.Equal($"a|2|True|2.5|{guid}|Happy|null|null", await echo.Many("a", 2, true, 2.5, guid, Mood.Happy, null, null).Within());
    }
}
