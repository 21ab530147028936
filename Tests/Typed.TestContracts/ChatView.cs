namespace Typed.TestContracts;

/// <summary>A client's view of the chat: what it was told, and who it says it is.</summary>
public sealed class ChatView(string name) : IChatClient
{
    private readonly System.Threading.Channels.Channel<string> _said = System.Threading.Channels.Channel.CreateUnbounded<string>();

    public void Said(string user, string text) => _said.Writer.TryWrite($"{user}: {text}");

    public void Joined(string user, int members) => _said.Writer.TryWrite($"{user} joined ({members})");

    public Task<string> WhoAreYou() => Task.FromResult(name);

    /// <summary>The next thing it was told, within the tests' generous wait.</summary>
    public async Task<string> NextAsync() => await _said.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
}
