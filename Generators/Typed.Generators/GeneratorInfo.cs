namespace Typed.Generators;

internal static class GeneratorInfo
{
    /// <summary>Stamped on generated code; kept fixed so that snapshots do not change with every build.</summary>
    public const string Version = "1.0.0";
}
