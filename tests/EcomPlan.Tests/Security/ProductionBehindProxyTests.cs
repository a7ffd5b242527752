using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;

namespace EcomPlan.Tests.Security;

/// <summary>Production behind a TLS proxy: sign-in works, plain HTTP and unknown hosts are refused, e-mailed links use the public address.</summary>
public class ProductionBehindProxyTests(ProxiedProductionApp app) : IClassFixture<ProxiedProductionApp>
{
    [Fact]
    public async Task People_sign_in_behind_the_TLS_proxy_with_Secure_cookies()
    {
        var (_, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "56" });
        var browser = new ProxyBrowser(app.RawClient());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/forgot-password")).StatusCode);
        var login = await browser.PostFormAsync("/account/login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var auth = Assert.Single(browser.SetCookieHeaders, h => h.StartsWith("ecomplan.auth="));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        var me = await browser.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains(email, await me.Content.ReadAsStringAsync());
        Assert.True(me.Headers.Contains("Strict-Transport-Security"), "HTTPS answers carry HSTS");
    }

    [Fact]
    public async Task Plain_HTTP_is_sent_to_the_public_HTTPS_address_or_refused()
    {
        var direct = new ProxyBrowser(app.RawClient(), viaProxy: false);
        var page = await direct.GetAsync("/account/login?returnUrl=%2Fplans");
        Assert.Equal(HttpStatusCode.PermanentRedirect, page.StatusCode);
        Assert.Equal("https://ecomplan.test/account/login?returnUrl=%2Fplans", page.Headers.Location!.OriginalString);
        var post = await direct.SendAsync(HttpMethod.Post, "/account/login", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("chỉ nhận yêu cầu qua HTTPS", await post.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_hosts_are_refused_and_reset_links_use_the_public_address()
    {
        var (_, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.Viewer, ProvinceCode = "56" });
        var attacker = new ProxyBrowser(app.RawClient());
        var spoofed = await attacker.SendAsync(HttpMethod.Get, "/account/forgot-password", configure: r => r.Headers.Host = "evil.example");
        Assert.Equal(HttpStatusCode.BadRequest, spoofed.StatusCode);

        var browser = new ProxyBrowser(app.RawClient());
        var sent = await browser.PostFormAsync("/account/forgot-password", "forgot-password", new() { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var message = await SmtpTestServer.Instance.WaitForMessageAsync(email);
        var link = Regex.Match(message.TextBody ?? "", @"\S+/account/reset-password\S+").Value;
        Assert.StartsWith(ProxiedProductionApp.PublicAddress + "/account/reset-password?", link);
    }

    [Fact]
    public async Task Bodies_over_the_limit_are_413_in_Vietnamese_for_the_API_and_for_pages()
    {
        var (id, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        var token = await app.TokenForAsync(id);
        var big = new byte[22 * 1024 * 1024];
        Array.Fill(big, (byte)'1');

        var machine = new ProxyBrowser(app.RawClient());
        var upload = await machine.SendAsync(HttpMethod.Post, "/api/v1/values/import",
            new MultipartFormDataContent { { new ByteArrayContent(big), "file", "so-lieu.csv" } },
            r => { r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token); r.Headers.ExpectContinue = true; });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, upload.StatusCode);
        Assert.Equal("application/problem+json", upload.Content.Headers.ContentType?.MediaType);
        Assert.Contains("quá lớn", await upload.Content.ReadAsStringAsync());
        Assert.True(upload.Headers.Contains("Content-Security-Policy"), "error answers carry the security headers");

        var json = await machine.SendAsync(HttpMethod.Put, "/api/v1/plans/dong-thap-2026-2030/reporting-regime",
            new StringContent("{\"rules\":[\"" + new string('x', 5 * 1024 * 1024) + "\"]}", Encoding.UTF8, "application/json"),
            r => { r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token); r.Headers.ExpectContinue = true; });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, json.StatusCode);
        Assert.Contains("quá lớn", await json.Content.ReadAsStringAsync());

        // A person uploading on the page gets a page that says so, not an English error.
        var browser = new ProxyBrowser(app.RawClient());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/account/login", "login",
            new() { ["Input.Email"] = email, ["Input.Password"] = TestAccounts.Password })).StatusCode);
        var form = TestAccounts.HiddenFieldsOf(await (await browser.GetAsync("/values/import")).Content.ReadAsStringAsync(), "import");
        var content = new MultipartFormDataContent();
        foreach (var (k, v) in form) content.Add(new StringContent(v), k);
        content.Add(new ByteArrayContent(big), "file", "so-lieu.csv");
        var page = await browser.SendAsync(HttpMethod.Post, "/values/import", content, r => { r.Headers.Accept.ParseAdd("text/html"); r.Headers.ExpectContinue = true; });
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.True(page.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{page.StatusCode}: {html[..Math.Min(html.Length, 3000)]}");
        Assert.Contains("Tệp quá lớn", html);
    }

    [Fact]
    public async Task Error_answers_carry_the_security_headers()
    {
        var browser = new ProxyBrowser(app.RawClient());
        var missing = await browser.GetAsync("/api/v1/plans/khong-co");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("default-src 'self'", missing.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", missing.Headers.GetValues("X-Content-Type-Options").Single());
        var page = await browser.GetAsync("/khong/co/trang");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.True(page.Headers.Contains("Content-Security-Policy"));
    }
}
