using System.Net;
using System.Text.RegularExpressions;

namespace CodeLeakGuard.Gateway;

/// <summary>The outbound proxy the gateway reaches its upstreams through, as <c>--upstream-proxy</c> gives it.</summary>
public static class UpstreamProxies
{
    /// <summary>A proxy address: http(s), a host, and no path; its user and password, if any, become its credentials.</summary>
    public static Uri Parse(string text)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.AbsolutePath != "/" || uri.Query.Length > 0)
        {
            throw new ArgumentException($"--upstream-proxy '{Redacted(text)}' is not a proxy address such as http://proxy.corp:3128");
        }

        return uri;
    }

    /// <summary>The proxy to hand to the HTTP handler (null: none), with the address's user and password as credentials.</summary>
    public static IWebProxy? Create(Uri? address)
    {
        if (address is null)
        {
            return null;
        }

        var proxy = new WebProxy(new UriBuilder(address) { UserName = string.Empty, Password = string.Empty }.Uri) { BypassProxyOnLocal = false };
        if (address.UserInfo.Length > 0)
        {
            var separator = address.UserInfo.IndexOf(':');
            var user = separator < 0 ? address.UserInfo : address.UserInfo[..separator];
            var password = separator < 0 ? string.Empty : address.UserInfo[(separator + 1)..];
            proxy.Credentials = new NetworkCredential(Uri.UnescapeDataString(user), Uri.UnescapeDataString(password));
        }

        return proxy;
    }

    /// <summary>The address as it may be shown: without its password.</summary>
    public static string Redacted(Uri address) =>
        address.UserInfo.Length == 0 ? address.ToString() : new UriBuilder(address) { Password = address.UserInfo.Contains(':') ? "***" : string.Empty }.Uri.ToString();

    private static string Redacted(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) ? Redacted(uri) : Regex.Replace(text, "//[^/@]*@", "//***@");
}
