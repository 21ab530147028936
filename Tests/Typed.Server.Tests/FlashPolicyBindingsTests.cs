using System.Net;
using System.Net.Sockets;
using Typed.Server.Flash;

namespace Typed.Server.Tests;

/// <summary>How the application's addresses, as Kestrel reports them, become the policy listener's addresses and default origins.</summary>
public sealed class FlashPolicyBindingsTests
{
    [Fact]
    public void A_loopback_address_binds_itself_and_is_reached_by_its_address_or_as_localhost()
    {
        string[] app = ["http://127.0.0.1:5055"];

        Assert.Equal([IPAddress.Loopback], FlashPolicyBindings.ListenAddresses(app));
        Assert.Equal(["127.0.0.1:5055", "localhost:5055"], FlashPolicyBindings.OwnOrigins(app));
    }

    [Fact]
    public void Localhost_binds_both_loopbacks()
    {
        string[] app = ["http://localhost:5000"];

        Assert.Contains(IPAddress.Loopback, FlashPolicyBindings.ListenAddresses(app));
        Assert.Equal(Socket.OSSupportsIPv6, FlashPolicyBindings.ListenAddresses(app).Contains(IPAddress.IPv6Loopback));
        Assert.Equal(["localhost:5000", "127.0.0.1:5000", "[::1]:5000"], FlashPolicyBindings.OwnOrigins(app));
    }

    [Theory]
    [InlineData("http://0.0.0.0:80")]
    [InlineData("http://[::]:80")]
    [InlineData("http://*:80")]
    [InlineData("http://app.example:80")]
    public void Every_interface_binds_one_wildcard_and_admits_any_domain_to_the_apps_port_only(string address)
    {
        string[] app = [address, "https://127.0.0.1:443"];

        var listen = Assert.Single(FlashPolicyBindings.ListenAddresses(app));
        Assert.True(listen.Equals(IPAddress.Any) || listen.Equals(IPAddress.IPv6Any));
        Assert.Contains("*:80", FlashPolicyBindings.OwnOrigins(app));
        Assert.DoesNotContain("*:443", FlashPolicyBindings.OwnOrigins(app));
    }

    [Fact]
    public void A_specific_address_binds_and_admits_only_itself_on_each_of_its_ports()
    {
        string[] app = ["http://192.0.2.7:80", "https://192.0.2.7:443", "http://[2001:db8::1]:80"];

        Assert.Equal([IPAddress.Parse("192.0.2.7"), IPAddress.Parse("2001:db8::1")], FlashPolicyBindings.ListenAddresses(app).Where(a => a.AddressFamily == AddressFamily.InterNetwork || Socket.OSSupportsIPv6));
        Assert.Equal(["192.0.2.7:80", "192.0.2.7:443", "[2001:db8::1]:80"], FlashPolicyBindings.OwnOrigins(app));
    }

    [Fact]
    public void No_known_address_means_nothing_to_bind_and_nothing_admitted()
    {
        Assert.Empty(FlashPolicyBindings.ListenAddresses([]));
        Assert.Empty(FlashPolicyBindings.OwnOrigins(["not an address"]));
    }
}
