using System.Globalization;
using Typed.Server;
using Typed.TestContracts;

namespace Typed.Client.Tests.Typed;

/// <summary>The server's handler of the chat contract, made per event with the sending client injected.</summary>
public sealed class ChatHandler(Server.Client client) : IChatServer
{
    public void Say(string text) => client.Broadcast<IChatClient>().Said(client.SessionId, text);

    public Task<int> Join(string room) => Task.FromResult(client.Listener.Clients.Count);

    public Task<int> Fail(string message) => throw new InvalidOperationException(message);

    public Task<int> Refuse(string reason) => throw new Events.EventException(reason);

    public async Task<string> Slow(int milliseconds, CancellationToken cancellationToken)
    {
        await Task.Delay(milliseconds, cancellationToken);
        return "late";
    }
}

/// <summary>Answers every echo with its argument, on either side.</summary>
public sealed class EchoHandler : IEcho
{
    public Task<string> Text(string value) => Task.FromResult(value);

    public Task<string?> MaybeText(string? value) => Task.FromResult(value);

    public Task<bool> Boolean(bool value) => Task.FromResult(value);

    public Task<byte> Byte(byte value) => Task.FromResult(value);

    public Task<sbyte> SByte(sbyte value) => Task.FromResult(value);

    public Task<short> Int16(short value) => Task.FromResult(value);

    public Task<ushort> UInt16(ushort value) => Task.FromResult(value);

    public Task<int> Int32(int value) => Task.FromResult(value);

    public Task<uint> UInt32(uint value) => Task.FromResult(value);

    public Task<long> Int64(long value) => Task.FromResult(value);

    public Task<ulong> UInt64(ulong value) => Task.FromResult(value);

    public Task<float> Single(float value) => Task.FromResult(value);

    public Task<double> Double(double value) => Task.FromResult(value);

    public Task<decimal> Decimal(decimal value) => Task.FromResult(value);

    public Task<char> Char(char value) => Task.FromResult(value);

    public Task<DateTime> DateTime(DateTime value) => Task.FromResult(value);

    public Task<DateTimeOffset> DateTimeOffset(DateTimeOffset value) => Task.FromResult(value);

    public Task<Guid> Guid(Guid value) => Task.FromResult(value);

    public Task<TimeSpan> TimeSpan(TimeSpan value) => Task.FromResult(value);

    public Task<byte[]> Bytes(byte[] value) => Task.FromResult(value);

    public Task<Mood> Enum(Mood value) => Task.FromResult(value);

    public Task<int?> NullableInt32(int? value) => Task.FromResult(value);

    public Task<int[]> Array(int[] value) => Task.FromResult(value);

    public Task<List<string>> List(List<string> value) => Task.FromResult(value);

    public Task<IReadOnlyList<double?>> ReadOnlyList(IReadOnlyList<double?> value) => Task.FromResult(value);

    public Task<Dictionary<string, int>> Dictionary(Dictionary<string, int> value) => Task.FromResult(value);

    public Task<IReadOnlyDictionary<string, Person>> People(IReadOnlyDictionary<string, Person> value) => Task.FromResult(value);

    public Task<Person> Person(Person value) => Task.FromResult(value);

    public Task<Person?> MaybePerson(Person? value) => Task.FromResult(value);

    public ValueTask<List<Mood[]>> Nested(List<Mood[]> value) => ValueTask.FromResult(value);

    public Task<string> Many(string a, int b, bool c, double d, Guid e, Mood f, int? g, string? h) =>
        Task.FromResult(string.Join("|", a, b, c, d, e, f, g?.ToString(CultureInfo.InvariantCulture) ?? "null", h ?? "null"));
}

/// <summary>A scoped service that wants the client of the event being handled.</summary>
public sealed class SessionNote(Server.Client client)
{
    public string SessionId => client.SessionId;
}

/// <summary>A handler that never takes the Client itself: it reaches it through a scoped service, and late, after an await.</summary>
public sealed class ScopedChatHandler(SessionNote note, IServiceProvider services) : IChatServer
{
    public void Say(string text)
    {
    }

    public Task<int> Join(string room) => Task.FromResult(0);

    public Task<int> Fail(string message) => throw new InvalidOperationException(message);

    public Task<int> Refuse(string reason) => throw new Events.EventException(reason);

    public async Task<string> Slow(int milliseconds, CancellationToken cancellationToken)
    {
        await Task.Delay(milliseconds, cancellationToken);
        var late = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Server.Client>(services);
        return $"{note.SessionId}|{late.SessionId}";
    }
}
