namespace Typed.LoadBenchmark.Clients;

/// <summary>
/// The content of a 101 answer with its connection stream replaced, read and written alike
/// (<see cref="StreamContent"/> would hand out a read-only view); disposes the content it replaces.
/// </summary>
internal sealed class UpgradedContent(HttpContent replaced, Stream connection) : HttpContent
{
    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(connection);

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => connection.CopyToAsync(stream);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            connection.Dispose();
            replaced.Dispose();
        }

        base.Dispose(disposing);
    }
}
