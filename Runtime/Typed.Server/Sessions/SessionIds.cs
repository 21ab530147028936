using System.Security.Cryptography;

namespace Typed.Server.Sessions;

/// <summary>Session ids: 144 bits from the operating system's cryptographic generator, base64url.</summary>
internal static class SessionIds
{
    private const int RandomBytes = 18; // a multiple of 3, so base64url needs no padding

    public static string Create()
    {
        Span<byte> random = stackalloc byte[RandomBytes];
        RandomNumberGenerator.Fill(random);
#if NET9_0_OR_GREATER
        return System.Buffers.Text.Base64Url.EncodeToString(random);
#else
        return Convert.ToBase64String(random).Replace('+', '-').Replace('/', '_');
#endif
    }
}
