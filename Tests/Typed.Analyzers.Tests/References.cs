using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Typed.Analyzers.Tests;

/// <summary>
/// What test sources compile against, taken from this test's own runtime so that nothing is
/// downloaded: the platform and ASP.NET Core assemblies and Typed's runtime, with or without
/// Typed.MessagePack (whose presence turns on TYPED016).
/// </summary>
internal static class References
{
    public static ImmutableArray<string> Platform { get; } =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var name
                && (name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll")),
    ];

    public static ImmutableArray<MetadataReference> Runtime { get; } =
    [
        .. Platform.Select(path => MetadataReference.CreateFromFile(path)),
        MetadataReference.CreateFromFile(typeof(Typed.Events.EventsAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Typed.Server.Listener).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Typed.Client.Socket).Assembly.Location),
    ];

    public static ImmutableArray<MetadataReference> WithMessagePack { get; } =
    [
        .. Runtime,
        MetadataReference.CreateFromFile(typeof(Typed.MessagePack.MessagePackFrameCodec).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Contracts.ISensors).Assembly.Location),
    ];
}
