using System.Text;
using Typed.Server.Browser;

namespace Typed.Testing;

/// <summary>
/// The browser client the server serves, for pages that load it from elsewhere: a socket endpoint
/// that requires authorization refuses its own script to a page that has not signed in yet.
/// </summary>
public static class ServedClient
{
    public static string Script => Encoding.UTF8.GetString(BrowserClientScript.Instance.Script);
}
