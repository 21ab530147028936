using System.Globalization;
using System.Net;
using System.Text;
using Typed.Framing;

namespace Typed.Properties.Tests.Arbitraries;

/// <summary>
/// Form bodies as clients send them: the payload URL-encoded the way the .NET client, a browser's
/// form encoding or <c>encodeURIComponent</c> does it, among other fields; and hostile ones.
/// </summary>
internal static class FormBodies
{
    private static readonly (string Name, Func<byte[], string> Encode)[] Encodings =
    [
        (".NET client's Uri.EscapeDataString", payload => Uri.EscapeDataString(Encoding.UTF8.GetString(payload))),
        ("WebUtility.UrlEncode", payload => WebUtility.UrlEncode(Encoding.UTF8.GetString(payload))),
        ("browser form encoding", payload => PercentEncode(payload, "*-._", spaceAsPlus: true, "X2")),
        ("encodeURIComponent, lower-case hex", payload => PercentEncode(payload, "-_.!~*'()", spaceAsPlus: false, "x2")),
    ];

    // Fields a body may carry beside data, some with names that start or end like it.
    private static readonly string[] Before = ["", "", "x=1&", "datum=2&", "dat=&", "data2=%5B%5D&", "xdata=%ZZ&", "&", "=&"];

    private static readonly string[] After = ["", "", "&x=1", "&datum=%ZZ", "&", "&=", "&_=1286400000000"];

    private static readonly string[] HostilePieces =
    [
        "data", "data=", "=", "&", "%", "%4", "%41", "%G1", "%4G", "%%", "%e2%80", "%E2%80%A8", "%ff", "%00", "+", "%2B", "%5B", "%5D", "%22", "%7B", "[", "\"", "x",
    ];

    public static Gen<FormBody> Encoded =>
        from batch in Batch.Any
        from encoding in Gen.Elements(Encodings)
        from before in Gen.Elements(Before)
        from after in Gen.Elements(After)
        select new FormBody(
            $"{encoding.Name}, after '{before}', before '{after}'",
            Encoding.ASCII.GetBytes($"{before}data={encoding.Encode(ClientPayload.Encode(batch.Messages))}{after}"),
            batch.Messages);

    public static Gen<HostileInput> Hostile =>
        Gen.OneOf(
            HostileInputs.Any,
            Gen.Elements(HostilePieces).ArrayOf().Select(pieces => new HostileInput("form pieces", Encoding.UTF8.GetBytes(string.Concat(pieces)))),
            Encoded.SelectMany(body => Mutations.Of(body.Body)));

    private static string PercentEncode(byte[] bytes, string unreserved, bool spaceAsPlus, string hexFormat)
    {
        var encoded = new StringBuilder();
        foreach (var b in bytes)
        {
            if (char.IsAsciiLetterOrDigit((char)b) || unreserved.Contains((char)b))
            {
                encoded.Append((char)b);
            }
            else if (b == ' ' && spaceAsPlus)
            {
                encoded.Append('+');
            }
            else
            {
                encoded.Append('%').Append(b.ToString(hexFormat, CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
