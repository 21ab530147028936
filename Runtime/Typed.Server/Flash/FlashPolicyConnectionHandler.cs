using System.Buffers;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Typed.Server.Logging;

namespace Typed.Server.Flash;

/// <summary>
/// One connection to the policy port: answered with the policy when it sends exactly the policy
/// request, closed without a word when it sends anything else or takes too long.
/// </summary>
internal sealed class FlashPolicyConnectionHandler(byte[] document, ILogger<FlashPolicyConnectionHandler> logger) : ConnectionHandler
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        if (await ReadsPolicyRequestAsync(connection))
        {
            await connection.Transport.Output.WriteAsync(document, connection.ConnectionClosed);
            return;
        }

        Log.RequestRefused(logger, "FLASH", connection.RemoteEndPoint?.ToString() ?? "?", "not a policy file request");
    }

    private static async Task<bool> ReadsPolicyRequestAsync(ConnectionContext connection)
    {
        var input = connection.Transport.Input;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            while (true)
            {
                var result = await input.ReadAsync(timeout.Token);
                var buffer = result.Buffer;
                var read = Compare(buffer);
                if (read == Verdict.Mismatch)
                {
                    return false;
                }

                if (read == Verdict.Match)
                {
                    input.AdvanceTo(buffer.GetPosition(FlashPolicy.Request.Length));
                    return true;
                }

                if (result.IsCompleted)
                {
                    return false;
                }

                input.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private enum Verdict { Mismatch, NeedMore, Match }

    private static Verdict Compare(ReadOnlySequence<byte> buffer)
    {
        var length = (int)Math.Min(buffer.Length, FlashPolicy.Request.Length);
        Span<byte> start = stackalloc byte[length];
        buffer.Slice(0, length).CopyTo(start);
        if (!FlashPolicy.Request.StartsWith(start))
        {
            return Verdict.Mismatch;
        }

        return length == FlashPolicy.Request.Length ? Verdict.Match : Verdict.NeedMore;
    }
}
