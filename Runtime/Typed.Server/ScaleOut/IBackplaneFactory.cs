namespace Typed.Server.ScaleOut;

/// <summary>
/// Makes the backplane of every endpoint other than the default one, so that each mapped resource
/// is one endpoint across the cluster (its broadcasts, sends and index of its own), as the default
/// resource is through the <see cref="IBackplane"/> service. Without one, other endpoints are a
/// cluster of one node each.
/// </summary>
public interface IBackplaneFactory
{
    /// <summary>The backplane of the endpoint mapped at <paramref name="resource"/> (without slashes); asked once per resource.</summary>
    IBackplane Create(string resource);
}
