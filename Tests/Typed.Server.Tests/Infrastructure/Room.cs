namespace Typed.Server.Tests.Infrastructure;

/// <summary>Several connected clients over a mix of transports, each read the same way.</summary>
public sealed class Room : IAsyncDisposable
{
    private Room(Member[] members) => Members = members;

    public Member[] Members { get; }

    public static async Task<Room> OpenAsync(SocketServerHost server, int websockets, int polling)
    {
        var members = new List<Member>();
        for (var i = 0; i < websockets; i++)
        {
            var socket = await server.WebSocketAsync();
            await socket.HandshakeAsync();
            members.Add(new Member(socket, null));
        }

        for (var i = 0; i < polling; i++)
        {
            var poller = server.Polling();
            await poller.OpenAsync();
            members.Add(new Member(null, poller));
        }

        foreach (var member in members)
        {
            await server.Events.ConnectedAsync(member.SessionId);
        }

        return new Room([.. members]);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var member in Members)
        {
            await member.DisposeAsync();
        }
    }

    public sealed class Member(WebSocketWire? socket, PollingWire? polling) : IAsyncDisposable
    {
        private readonly Queue<Message> _polled = new();

        public string SessionId => socket?.SessionId ?? polling!.SessionId;

        public async Task<Message> ReceiveAsync()
        {
            if (socket is not null)
            {
                return await socket.ReceiveAsync();
            }

            while (_polled.Count == 0)
            {
                foreach (var message in await polling!.PollAsync())
                {
                    _polled.Enqueue(message);
                }
            }

            return _polled.Dequeue();
        }

        public async Task SendAsync(Message message)
        {
            if (socket is not null)
            {
                await socket.SendAsync(message);
                return;
            }

            using var response = await polling!.SendAsync(message);
            response.EnsureSuccessStatusCode();
        }

        public async ValueTask DisposeAsync()
        {
            if (socket is not null)
            {
                await socket.DisposeAsync();
            }

            polling?.Dispose();
        }
    }
}
