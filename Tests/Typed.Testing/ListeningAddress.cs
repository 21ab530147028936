using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Typed.Testing;

/// <summary>Where a started application listens (it was bound to port 0, so the port is chosen at start).</summary>
public static class ListeningAddress
{
    public static Uri BaseUri(this WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
