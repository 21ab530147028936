using System.Text;
using Typed.Client.Transports;

namespace Typed.Client.Tests;

/// <summary>An upload's body is the form the 2010 clients post: <c>data=</c> and the payload as <see cref="Uri.EscapeDataString(string)"/> writes it.</summary>
public sealed class FormBodyTests
{
    [Theory]
    [InlineData("[\"hello\"]")]
    [InlineData("[\"a b+c&d=e%f\"]")]
    [InlineData("[\"ünïcødé ✓ 𝄞\",{\"event\":\"Said\",\"args\":[1,2.5,null]}]")]
    [InlineData("[\"-_.~ unreserved stay, the rest is escaped: !*'();:@$,/?#[]\"]")]
    public async Task The_body_is_the_payload_url_encoded_in_the_data_field(string payload)
    {
        using var content = FormBody.Content(Encoding.UTF8.GetBytes(payload));

        Assert.Equal("data=" + Uri.EscapeDataString(payload), await content.ReadAsStringAsync());
        Assert.Equal("application/x-www-form-urlencoded", content.Headers.ContentType?.MediaType);
    }
}
