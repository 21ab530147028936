using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Typed.Client.Tests;

/// <summary>The client's HTTP stack is the application's: TLS, certificates, headers, on every transport.</summary>
public sealed class SecureTransportTests
{
    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Https_and_wss_work_through_a_handler_that_trusts_the_servers_certificate(string transport)
    {
        using var certificate = SelfSignedCertificate();
        await using var server = await SocketServerHost.StartEchoAsync(
            ClientTransportTests.AnyOrigin,
            services: builder => builder.WebHost.ConfigureKestrel(kestrel =>
                kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate))));
        using var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                // Trust exactly this server's certificate, as an app pinning its own would.
                RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString(),
            },
        };
        var options = ClientProbe.Options(transport);
        options.HttpMessageHandler = handler;

        await using var client = await ClientProbe.ConnectAsync(server, options);
        await client.Socket.SendAsync("over tls");

        Assert.Equal(Uri.UriSchemeHttps, server.BaseUri.Scheme);
        Assert.Equal("over tls", (await client.ReceiveAsync()).Text);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Configured_headers_reach_the_server_on_every_request(string transport)
    {
        await using var server = await SocketServerHost.StartEchoAsync(
            ClientTransportTests.AnyOrigin,
            pipeline: app => app.Use(async (context, next) =>
            {
                // An application that lets only authenticated clients in.
                if (context.Request.Headers.Authorization != "Bearer let-me-in")
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return;
                }

                await next(context);
            }));
        var options = ClientProbe.Options(transport);
        options.Headers["Authorization"] = "Bearer let-me-in";

        await using var client = await ClientProbe.ConnectAsync(server, options);
        await client.Socket.SendAsync("authenticated");

        Assert.Equal("authenticated", (await client.ReceiveAsync()).Text);
    }

    [Fact]
    public async Task Without_the_headers_the_same_server_refuses_at_once_and_no_other_transport_is_tried()
    {
        await using var server = await SocketServerHost.StartEchoAsync(
            ClientTransportTests.AnyOrigin,
            pipeline: app => app.Use(async (context, next) =>
            {
                if (context.Request.Headers.Authorization.Count == 0)
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return;
                }

                await next(context);
            }));
        var options = ClientProbe.Options();
        options.FlashPolicyPort = server.FlashPolicyEndPoint!.Port;
        await using var client = new ClientProbe(server.BaseUri, options);

        var failure = await Assert.ThrowsAsync<SocketConnectException>(() => client.Socket.ConnectAsync().Within());

        // A refusal of the credentials is the same over every transport.
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, failure.StatusCode);
        Assert.Single(failure.InnerExceptions);
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
