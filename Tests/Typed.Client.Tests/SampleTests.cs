using System.Text.RegularExpressions;

namespace Typed.Client.Tests;

public sealed class SampleTests
{
    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task The_console_client_echoes_through_the_echo_sample(string transport)
    {
        await using var server = SampleProcess.Start("Echo", "--urls", "http://127.0.0.1:0", "--Sockets:FlashPolicyPort=0");
        var url = (await server.WaitForAsync(SampleProcess.Listening())).Groups["url"].Value;
        var policyPort = (await server.WaitForAsync(SampleProcess.FlashPolicy())).Groups["port"].Value;

        await using var client = SampleProcess.Start("Echo.Client", "--url", url, "--transport", transport, "--flash-policy-port", policyPort);
        await client.WaitForAsync(new Regex($"^\\* connected over {transport} as "));
        await client.WriteLineAsync($"hello over {transport} ✓");
        await client.WaitForAsync(new Regex($"^< hello over {Regex.Escape(transport)} ✓$"));

        Assert.Equal(0, await client.CloseInputAndWaitAsync());
    }

    [Theory]
    [InlineData(TransportNames.WebSocket)]
    [InlineData(TransportNames.XhrPolling)]
    public async Task The_console_client_asks_the_typed_echo_event(string transport)
    {
        await using var server = SampleProcess.Start("Echo", "--urls", "http://127.0.0.1:0", "--Sockets:FlashPolicyPort=0");
        var url = (await server.WaitForAsync(SampleProcess.Listening())).Groups["url"].Value;

        await using var client = SampleProcess.Start("Echo.Client", "--url", url, "--transport", transport, "--typed");
        await client.WaitForAsync(new Regex($"^\\* connected over {transport} as "));
        await client.WriteLineAsync("typed ✓");
        await client.WaitForAsync(new Regex("^= typed ✓$"));

        Assert.Equal(0, await client.CloseInputAndWaitAsync());
    }
}
