using System.Net;
using System.Text.RegularExpressions;
using EcomPlan.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace EcomPlan.Tests.Security;

/// <summary>
/// The application as it runs in production: Production environment, a real Kestrel port on loopback, behind a
/// TLS-terminating proxy at 127.0.0.1 that says "X-Forwarded-Proto: https", public address https://ecomplan.test.
/// </summary>
public sealed class ProxiedProductionApp : EcomPlanApp
{
    public const string PublicAddress = "https://ecomplan.test";

    private readonly int port = FreePort();

    public string Direct => $"http://127.0.0.1:{port}";

    public ProxiedProductionApp() => UseKestrel(port);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Site:PublicBaseUrl", PublicAddress);
        builder.UseSetting("Site:TrustedProxies", "127.0.0.1");
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
    }

    /// <summary>A client talking to Kestrel directly, as the proxy does; cookies are kept by <see cref="ProxyBrowser"/>.</summary>
    public HttpClient RawClient() =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(Direct) };

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var free = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return free;
    }
}

/// <summary>
/// A browser behind the proxy: every request arrives over http from 127.0.0.1 with X-Forwarded-Proto: https, and the
/// Secure cookies are sent back by hand (an http client would keep them to itself, as it should).
/// </summary>
public sealed class ProxyBrowser(HttpClient client, bool viaProxy = true)
{
    private readonly Dictionary<string, string> cookies = [];

    public IReadOnlyDictionary<string, string> Cookies => cookies;
    public List<string> SetCookieHeaders { get; } = [];

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content = null, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (viaProxy)
        {
            // What the proxy forwards: the public host name and the scheme the browser used.
            request.Headers.Host = "ecomplan.test";
            request.Headers.Add("X-Forwarded-Proto", "https");
        }
        if (cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        configure?.Invoke(request);
        var response = await client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var header in set)
            {
                SetCookieHeaders.Add(header);
                var pair = header.Split(';')[0];
                var eq = pair.IndexOf('=');
                var (name, value) = (pair[..eq], pair[(eq + 1)..]);
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) cookies.Remove(name);
                else cookies[name] = value;
            }
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(HttpMethod.Get, url);

    /// <summary>Loads the page, keeps its hidden fields (form name, antiforgery token), posts them with <paramref name="fields"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, string formName, Dictionary<string, string> fields)
    {
        var page = await GetAsync(pageUrl);
        Assert.True(page.IsSuccessStatusCode, $"GET {pageUrl} → {(int)page.StatusCode}");
        var hidden = TestAccounts.HiddenFieldsOf(await page.Content.ReadAsStringAsync(), formName);
        foreach (var (k, v) in fields) hidden[k] = v;
        return await SendAsync(HttpMethod.Post, pageUrl, new FormUrlEncodedContent(hidden));
    }
}
