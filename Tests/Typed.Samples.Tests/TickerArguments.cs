namespace Typed.Samples.Tests;

/// <summary>How the ticker tests start the sample: a free loopback port, a fixed seed, a quick feed.</summary>
public static class TickerArguments
{
    public static readonly string[] Seeded =
        ["--urls", "http://127.0.0.1:0", "--Sockets:FlashPolicyPort=0", "--Ticker:Seed=7", "--Ticker:Interval=00:00:00.020"];
}
