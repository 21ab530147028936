namespace Legacy;

/// <summary>
/// Serves the fetched 2010 client at <c>/client/socket.io.js</c>, where the 2010 demo page loaded
/// it from, or a 404 that says how to fetch it.
/// </summary>
public static class LegacyClientScript
{
    public const string Route = "/client/socket.io.js";

    /// <summary><c>--Legacy:ClientScript=PATH</c>, or <c>client/socket.io.js</c> in the sample's folder.</summary>
    public static string PathFrom(IConfiguration configuration, IWebHostEnvironment environment) =>
        Path.GetFullPath(configuration["Legacy:ClientScript"] ?? Path.Combine("client", "socket.io.js"), environment.ContentRootPath);

    public static void MapLegacyClient(this IEndpointRouteBuilder app, string path) =>
        app.MapGet(Route, () => File.Exists(path)
            ? Results.File(path, "text/javascript; charset=utf-8")
            : Results.Text(
                $"The 2010 client is not here ({path}). It is fetched, never committed: run\n" +
                "  sh Samples/Legacy/fetch-2010-client.sh\n" +
                "or start the sample with --Legacy:ClientScript=PATH pointing at socket.io.js from npm's socket.io@0.4.1.\n",
                "text/plain; charset=utf-8",
                statusCode: StatusCodes.Status404NotFound));
}
