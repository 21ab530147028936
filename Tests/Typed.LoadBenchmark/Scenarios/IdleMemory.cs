using Typed.LoadBenchmark.Clients;
using Typed.LoadBenchmark.Servers;

namespace Typed.LoadBenchmark.Scenarios;

/// <summary>Server resident memory per idle WebSocket connection: measured on a fresh server, before and after.</summary>
public static class IdleMemory
{
    public static async Task<Measurement> RunAsync(ServerProcess server, Contestant contestant, int connectionCount, TimeSpan settle)
    {
        await Task.Delay(settle);
        var before = server.ResidentBytes;
        var cpuBefore = server.CpuTime;
        var connections = await Connections.OpenAsync(contestant, Channel.WebSocket, server.Url, connectionCount);
        try
        {
            await Task.Delay(settle); // let the server finish what connecting started
            var after = server.ResidentBytes;
            return new Measurement("memory", contestant.ToString(), connections.Length, connectionCount, settle, server.CpuTime - cpuBefore, TimeSpan.Zero, BytesPerConnection: (after - before) / (double)connectionCount);
        }
        finally
        {
            await Connections.CloseAsync(connections);
        }
    }
}
